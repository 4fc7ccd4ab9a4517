import type { Run } from '@gage/types';
import { checkMetaSchemaSync } from './_check-meta-schema-sync.js';
import { parseFilesLog, type FilesLogEntry } from './_files-log.js';
import { readMetaFileSync } from '../meta-file/read-meta-file-sync.js';
import { runMetaPath } from '../run/run-meta-path.js';

export type { FilesLogEntry } from './_files-log.js';

/**
 * Reads the files log `log/files` of a run (docs/spec/lifecycle.md 7.3), every event in
 * file order.
 *
 * @param run the run
 * @returns the events; `[]` when the log does not exist yet
 * @throws {MetaSchemaError} `ERR_GAGE_META_SCHEMA` when `__schema__` is not `1`
 * @throws {MetaEncodingError} `ERR_GAGE_META_ENCODING` for a malformed line:
 *   `bad encoding in "<file>", line <n>: <line>`
 * @example
 * ```ts
 * for (const e of readFilesLogSync(run)) console.log(e.event, e.type, e.path);
 * // a s say.py
 * ```
 */
export function readFilesLogSync(run: Run): FilesLogEntry[] {
  checkMetaSchemaSync(run);
  const text = readMetaFileSync(run, 'log/files');
  return text === undefined ? [] : parseFilesLog(text, runMetaPath(run, 'log', 'files'));
}
