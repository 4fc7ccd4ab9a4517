// The JSON of the server's routes (packages/view/README.md), as the UI reads it: the server's own definitions.
export { FIRST_ROWS } from '../src/route-types.js';
export type { ExportData, OutputResponse, RunDetail, RunFileEntry as FileEntry, RunRow, RunRowsPage, ScalarsResponse } from '../src/route-types.js';
