import { UsageError } from '../errors.js';
import { resolveColumn } from './resolve-column.js';
import type { ResultRow } from './result-row.js';
import { compareResultValues, isMissing } from './result-values.js';

/** One `--sort` key. */
export interface SortKey {
  field: string;
  descending: boolean;
}

/**
 * Parses `--sort [-]COL` options (decision 25): a leading `-` sorts
 * descending; the column is resolved like `--columns` (`resolveColumn`).
 *
 * @param specs the option values, in the order given (the first sorts first)
 * @param rows the runs shown
 * @param usage `{cmdPath, usage}` for the usage error of an empty column
 * @throws {UsageError} for `--sort ''` or `--sort -`
 * @throws {CliError} `ERR_GAGE_UNKNOWN_COLUMN`
 * @example
 * ```ts
 * parseSortKeys(['-acc', 'lr'], rows, usage); // [{ field: 'metric:acc', descending: true }, { field: 'config:lr', descending: false }]
 * ```
 */
export function parseSortKeys(specs: readonly string[], rows: readonly ResultRow[], usage: { cmdPath: string; usage: string }): SortKey[] {
  return specs.map((spec) => {
    const descending = spec.startsWith('-');
    const name = (descending ? spec.slice(1) : spec).trim();
    if (name === '') throw new UsageError(usage.cmdPath, usage.usage, `Invalid value for '--sort': '${spec}' names no column.`);
    return { field: resolveColumn(name, rows, '--sort'), descending };
  });
}

/**
 * Sorts rows by `keys` (stable: rows that compare equal keep their order):
 * numbers as numbers, then booleans, then texts (`compareResultValues`);
 * a missing value sorts last whatever the direction.
 *
 * @example
 * ```ts
 * sortRows(rows, [{ field: 'metric:loss', descending: false }]);
 * ```
 */
export function sortRows(rows: readonly ResultRow[], keys: readonly SortKey[]): ResultRow[] {
  if (keys.length === 0) return [...rows];
  return [...rows].sort((a, b) => {
    for (const { field, descending } of keys) {
      const x = a.fields.get(field);
      const y = b.fields.get(field);
      const mx = isMissing(x);
      const my = isMissing(y);
      if (mx || my) {
        if (mx && my) continue;
        return mx ? 1 : -1;
      }
      const c = compareResultValues(x, y);
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  });
}
