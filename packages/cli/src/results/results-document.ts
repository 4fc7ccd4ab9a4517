import { encodeJson, type JsonValue } from '@gage/types';
import type { StyleName } from '../output/ansi.js';
import { formatCsv } from '../output/format-csv.js';
import { formatTable, type TableColumn } from '../output/format-table.js';
import { escapeControl } from '../output/escape-control.js';
import { cutText, textWidth } from '../output/text-width.js';
import type { OutputMode } from '../io.js';
import { bestIndexes } from './best-values.js';
import { bareName } from './resolve-column.js';
import type { ResultRow } from './result-row.js';
import { csvCell, tableCell } from './result-values.js';

/** A column of a results document: a field (`metric:loss`) or a computed column, and what a viewer needs to know about it. */
export interface ColDef {
  field?: string;
  label?: string;
  /** Other attributes, passed on to `--json` (a board config's `sort`, `hide`, `score`, ...). */
  [attr: string]: unknown;
}

/**
 * What `compare` and `board` print (decision 25, docs/spec/cli.md 5.15): columns and
 * rows, as a table, CSV or the JSON `{"colDefs": [...], "rowData": [...]}`.
 */
export interface ResultsDocument {
  /** Top-level attributes of the JSON before `colDefs` (a board's `title`, `description`, `groupColumn`). */
  meta?: Record<string, unknown>;
  colDefs: ColDef[];
  rows: ResultRow[];
  /** The value of a column without a field (a board's `score` columns) in the table and CSV. */
  computed?: (col: ColDef, row: ResultRow) => unknown;
}

/**
 * The `--json` document (decision 10): `colDefs`, then `rowData`, one object
 * per row with the value of each column's field the run has and always
 * `run:id`; keys sorted, as Gage (Python) sorts them.
 *
 * @example
 * ```ts
 * io.stdout.write(resultsJson(doc)); // {"colDefs": [{"field": "run:name"}], "rowData": [{"run:id": "…", "run:name": "…"}]}
 * ```
 */
export function resultsJson(doc: ResultsDocument): string {
  const fields = new Set(doc.colDefs.map((c) => c.field).filter((f): f is string => f !== undefined));
  fields.add('run:id');
  const rowData = doc.rows.map((row) => {
    const obj: Record<string, unknown> = {};
    for (const [field, value] of row.fields) if (fields.has(field)) obj[field] = value;
    return obj;
  });
  return encodeJson({ ...doc.meta, colDefs: doc.colDefs, rowData } as unknown as JsonValue, { indent: 2, sortKeys: true }) + '\n';
}

/**
 * The `--csv` document: a header of each column's label, else its field,
 * then a line per row (`csvCell`: booleans 1/0, floats in full, missing
 * values empty), RFC 4180 quoting.
 *
 * @example
 * ```ts
 * io.stdout.write(resultsCsv(doc)); // 'run:name,metric:loss\nabc,0.25\n'
 * ```
 */
export function resultsCsv(doc: ResultsDocument): string {
  const header = doc.colDefs.map((c) => c.label ?? c.field ?? '');
  return formatCsv(header, doc.rows.map((row) => doc.colDefs.map((c) => csvCell(cellValue(doc, c, row)))));
}

/** Options of {@link resultsTable}. */
export interface ResultsTableOptions {
  mode: OutputMode;
  /** Headers in place of each column's label, else its bare field name. */
  headers?: readonly string[];
}

/**
 * The results table (docs/spec/cli.md 1.4): a column per col def, headed by its label
 * (else the bare field name), values as displays show them (`tableCell`).
 * Every column has its natural width, except that a table wider than `W`
 * cuts its `run:label` column (ending in `…`) as far as needed, never below
 * its header. With colours (docs/spec/cli.md 1.3) statuses are coloured and the best
 * value of each metric column is bold green (`bestIndexes`).
 *
 * @example
 * ```ts
 * io.stdout.write(resultsTable(doc, { mode: ctx.mode }));
 * ```
 */
export function resultsTable(doc: ResultsDocument, options: ResultsTableOptions): string {
  const { mode } = options;
  const cols = doc.colDefs;
  const values = cols.map((c) => doc.rows.map((row) => cellValue(doc, c, row)));
  const cells = doc.rows.map((_, r) => cols.map((c, i) => escapeControl(tableCell(c.field, values[i]?.[r]))));
  const headers = cols.map((c, i) =>
    escapeControl(c.label ?? options.headers?.[i] ?? (c.field !== undefined ? bareName(c.field) : typeof c['score'] === 'object' ? 'score' : ''))
  );
  fitLabelColumn(cols, headers, cells, mode.width);
  const columns: TableColumn[] = cols.map((c, i) => {
    const column: TableColumn = { header: headers[i] as string };
    if (!mode.color) return column;
    if (c.field === 'run:status') column.style = (cell) => statusStyle(cell);
    else if (c.field?.startsWith('metric:')) {
      const best = bestIndexes(bareName(c.field), values[i] as unknown[]);
      if (best.size > 0) column.style = (_cell, row) => (best.has(row) ? ['bold', 'green'] : []);
    }
    return column;
  });
  return formatTable(columns, cells, { width: mode.width, styled: mode.styled, color: mode.color });
}

function cellValue(doc: ResultsDocument, col: ColDef, row: ResultRow): unknown {
  return col.field !== undefined ? row.fields.get(col.field) : doc.computed?.(col, row);
}

/** Cuts the label cells so the table fits `width`, when it is wider and has a label column. */
function fitLabelColumn(cols: readonly ColDef[], headers: readonly string[], cells: string[][], width: number): void {
  const at = cols.findIndex((c) => c.field === 'run:label');
  if (at < 0) return;
  const widths = headers.map((h, i) => Math.max(textWidth(h), ...cells.map((row) => textWidth(row[i] as string))));
  const total = widths.reduce((s, w) => s + w, 0) + 3 * cols.length + 1;
  if (total <= width) return;
  const labelWidth = Math.max(textWidth(headers[at] as string), (widths[at] as number) - (total - width));
  for (const row of cells) row[at] = cutText(row[at] as string, labelWidth);
}

function statusStyle(status: string): StyleName[] {
  if (status === 'completed') return ['green'];
  if (status === 'error' || status === 'terminated') return ['red'];
  if (status === 'running') return ['yellow', 'italic'];
  return ['grey'];
}
