import { BatchFileError } from '../errors.js';
import type { RunFlag } from '../config/parse-run-flag.js';
import { typeFlagValue } from '../config/_type-flag-value.js';
import { pyStrip } from '../config/_flag-syntax.js';
import { csvRecords } from './_csv-records.js';

/** One row of a batch file: the values it sets, as run flags in column (or key) order. */
export type BatchRow = RunFlag[];

/**
 * Reads the text of a CSV batch file (docs/spec/cli.md 5.1 Batches): the first
 * record names the config keys, each further record is one run. Cells are
 * typed like flag values (`1` an integer, `0.1` a float, `'1'` a string,
 * docs/spec/stage.md 5.9); an empty cell sets nothing, so the run keeps that
 * key's default. CSV quoting (`"a,b"`), a byte-order mark and `\r\n` line
 * breaks are understood; empty lines are skipped.
 *
 * @param text the file's text
 * @param file the file as the user named it, for messages
 * @returns the rows, in file order
 * @throws {BatchFileError} `ERR_GAGE_BATCH_FILE_READ`: `Cannot read batch file
 *   <file>: line 3 has 3 values, the header has 2 columns`, a column without
 *   a name, a column named twice, an unclosed quote, a cell that does not
 *   parse as a flag value
 * @example
 * ```ts
 * parseBatchCsv('lr,name\n0.1,a\n,b\n', 'b.csv');
 * // [[{ name: 'lr', value: 0.1, text: '0.1' }, { name: 'name', value: 'a', text: 'a' }],
 * //  [{ name: 'name', value: 'b', text: 'b' }]]
 * ```
 */
export function parseBatchCsv(text: string, file: string): BatchRow[] {
  const fail = (reason: string, cause?: unknown) =>
    new BatchFileError('ERR_GAGE_BATCH_FILE_READ', file, `Cannot read batch file ${file}: ${reason}`, { cause });
  let records;
  try {
    records = csvRecords(text);
  } catch (err) {
    throw fail((err as Error).message, err);
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const names = header.cells.map(pyStrip);
  names.forEach((name, i) => {
    if (name === '') throw fail(`line ${header.line}: column ${i + 1} has no name`);
    const first = names.indexOf(name);
    if (first < i) throw fail(`line ${header.line}: column '${name}' is named twice (columns ${first + 1} and ${i + 1})`);
  });
  return rows.map((record) => {
    const n = record.cells.length;
    if (n !== names.length) {
      throw fail(`line ${record.line} has ${n} ${n === 1 ? 'value' : 'values'}, the header has ${names.length} ${names.length === 1 ? 'column' : 'columns'}`);
    }
    const row: BatchRow = [];
    record.cells.forEach((cell, i) => {
      const valueText = pyStrip(cell);
      if (valueText === '') return; // an empty cell keeps the default
      const name = names[i] as string;
      try {
        row.push({ name, value: typeFlagValue(cell, valueText, false), text: valueText });
      } catch (err) {
        throw fail(`line ${record.line}, column '${name}': ${(err as Error).message}`, err);
      }
    });
    return row;
  });
}
