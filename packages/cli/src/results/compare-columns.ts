import { compareCodePoints, configValueEquals, type ConfigValue } from '@gage/types';
import type { ColDef } from './results-document.js';
import type { ResultRow } from './result-row.js';

/** The run attributes `compare` shows first (decision 25). */
const COMPARE_RUN_FIELDS: readonly string[] = ['run:name', 'run:operation', 'run:started', 'run:status', 'run:label'];

/**
 * The default columns of `gage compare` (decision 25): name, operation,
 * started, status, label; then the flags (config keys) whose values differ
 * among `rows` (a key some rows lack differs too), or every flag with
 * `allFlags`; then every metric. Flags and metrics are sorted by name.
 *
 * @example
 * ```ts
 * compareColumns(rows, false); // [{ field: 'run:name' }, ..., { field: 'config:lr' }, { field: 'metric:loss' }]
 * ```
 */
export function compareColumns(rows: readonly ResultRow[], allFlags: boolean): ColDef[] {
  const config = new Set<string>();
  const metrics = new Set<string>();
  for (const row of rows) {
    for (const field of row.fields.keys()) {
      if (field.startsWith('config:')) config.add(field);
      else if (field.startsWith('metric:')) metrics.add(field);
    }
  }
  const flags = [...config].filter((f) => allFlags || differs(rows, f)).sort(compareCodePoints);
  return [...COMPARE_RUN_FIELDS, ...flags, ...[...metrics].sort(compareCodePoints)].map((field) => ({ field }));
}

function differs(rows: readonly ResultRow[], field: string): boolean {
  const first = rows[0]?.fields;
  if (!first?.has(field)) return true;
  const value = first.get(field) as ConfigValue;
  return rows.some((r) => !r.fields.has(field) || !configValueEquals(r.fields.get(field) as ConfigValue, value));
}
