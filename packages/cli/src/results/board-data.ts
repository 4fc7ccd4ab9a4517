import { compareCodePoints } from '@gage/types';
import { formatValue } from '../output/format-value.js';
import { entryStatus } from '../runs/_run-parts.js';
import type { RunEntry } from '../runs/run-list.js';
import type { BoardDef } from './board-config.js';
import type { ColDef, ResultsDocument } from './results-document.js';
import type { ResultRow } from './result-row.js';
import { compareResultValues, isMissing, numberOf, plainValue } from './result-values.js';
import { sortRows } from './sort-rows.js';

/** The run attributes a board shows by default (docs/spec/cli.md 5.15). */
const DEFAULT_RUN_FIELDS = ['run:name', 'run:operation', 'run:started', 'run:status', 'run:label'];

/**
 * The runs a board's `run-select` keeps: of one of its operations and one
 * of its statuses (each when given), in list order.
 *
 * @example
 * ```ts
 * const kept = await selectBoardRuns(entries, board);
 * ```
 */
export async function selectBoardRuns(entries: readonly RunEntry[], board: BoardDef): Promise<RunEntry[]> {
  const { operations, statuses } = board.runSelect;
  const kept: RunEntry[] = [];
  for (const entry of entries) {
    if (operations && !operations.includes(entry.opref?.name ?? '')) continue;
    if (statuses && !statuses.includes(await entryStatus(entry))) continue;
    kept.push(entry);
  }
  return kept;
}

/**
 * The fields a board reads beyond the default ones: those of its columns,
 * of `group-select` and of score averages.
 *
 * @example
 * ```ts
 * boardFields(board); // ['run:stopped', 'metric:loss']
 * ```
 */
export function boardFields(board: BoardDef): string[] {
  const fields: string[] = [];
  for (const col of board.columns ?? []) {
    if (col.field !== undefined) fields.push(col.field);
    for (const item of scoreItems(col)) fields.push(item[0]);
  }
  if (board.groupSelect) fields.push(board.groupSelect.groupBy, board.groupSelect.field);
  return fields;
}

/**
 * The board of `rows` (docs/spec/cli.md 5.15, as Gage (Python) makes it):
 *
 * - columns: the config's, else `run:name`, `run:operation`,
 *   `run:started`, `run:status`, `run:label`, then every `config:*`,
 *   `attribute:*` and `metric:*` field of the rows, each group sorted;
 * - `group-select`: the rows grouped by the value of `group-by` (groups in
 *   value order, the group of runs without it first), and of each group
 *   the row with the least (`min`) or greatest (`max`) value of its field
 *   (the first in list order on a tie; a run without that value only when
 *   no run of the group has one);
 * - rows sorted by the columns that have a `sort` (`asc`, `desc`), in
 *   column order; otherwise list order (newest first);
 * - a `score` column is the weighted average of its fields that hold
 *   numbers (in the table and CSV).
 *
 * @example
 * ```ts
 * io.stdout.write(resultsJson(boardDocument(board, rows)));
 * ```
 */
export function boardDocument(board: BoardDef, rows: readonly ResultRow[]): ResultsDocument {
  const colDefs = board.columns ?? defaultColumns(rows);
  let selected = board.groupSelect ? groupSelect(rows, board.groupSelect) : [...rows];
  const keys = colDefs
    .filter((c): c is ColDef & { field: string } => c.field !== undefined && (c['sort'] === 'asc' || c['sort'] === 'desc'))
    .map((c) => ({ field: c.field, descending: c['sort'] === 'desc' }));
  selected = sortRows(selected, keys);
  return { meta: board.meta, colDefs, rows: selected, computed: scoreValue };
}

function defaultColumns(rows: readonly ResultRow[]): ColDef[] {
  const groups: Record<string, Set<string>> = { config: new Set(), attribute: new Set(), metric: new Set() };
  for (const row of rows) {
    for (const field of row.fields.keys()) groups[field.slice(0, field.indexOf(':'))]?.add(field);
  }
  const sorted = (set: Set<string> | undefined) => [...(set ?? [])].sort(compareCodePoints);
  return [...DEFAULT_RUN_FIELDS, ...sorted(groups['config']), ...sorted(groups['attribute']), ...sorted(groups['metric'])].map((field) => ({ field }));
}

function groupSelect(rows: readonly ResultRow[], spec: NonNullable<BoardDef['groupSelect']>): ResultRow[] {
  const byKey = new Map<string, { key: unknown; rows: ResultRow[] }>();
  for (const row of rows) {
    const value = plainValue(row.fields.get(spec.groupBy));
    const key = isMissing(value) ? undefined : value;
    const id = groupId(key);
    const group = byKey.get(id);
    if (group) group.rows.push(row);
    else byKey.set(id, { key, rows: [row] });
  }
  const groups = [...byKey.values()];
  groups.sort((a, b) => {
    const ma = isMissing(a.key);
    const mb = isMissing(b.key);
    if (ma || mb) return ma === mb ? 0 : ma ? -1 : 1;
    return compareResultValues(a.key, b.key);
  });
  const sign = spec.pick === 'min' ? -1 : 1;
  return groups.map((g) => {
    let best = g.rows[0] as ResultRow;
    for (const row of g.rows.slice(1)) {
      const v = row.fields.get(spec.field);
      if (isMissing(v)) continue;
      const b = best.fields.get(spec.field);
      if (isMissing(b) || sign * compareResultValues(v, b) > 0) best = row;
    }
    return best;
  });
}

/** One text per group value: numbers by their value (`1` and `1.0` are one group), texts, booleans, others by their display text. */
function groupId(key: unknown): string {
  if (key === undefined) return 'missing';
  if (typeof key === 'number' || typeof key === 'bigint') return `n:${Number(key)}`;
  if (typeof key === 'string') return `s:${key}`;
  if (typeof key === 'boolean') return `b:${key}`;
  return `o:${formatValue(key)}`;
}

/** The items of a `score.average` as `[field, weight]`, prefixes normalized like string columns. */
function scoreItems(col: ColDef): [string, number][] {
  const average = (col['score'] as { average?: unknown } | undefined)?.average;
  if (!Array.isArray(average)) return [];
  return average.map((item): [string, number] => {
    const [field, weight] = Array.isArray(item) ? (item as [string, unknown]) : [item as string, 1];
    return [normalizeField(field), Number(weight)];
  });
}

function normalizeField(field: string): string {
  return field.replace(/^run-attr:/, 'run:').replace(/^attr:/, 'attribute:');
}

/** A score column's value: the weighted average of its fields that hold numbers; `undefined` when none does. */
function scoreValue(col: ColDef, row: ResultRow): unknown {
  let sum = 0;
  let weights = 0;
  for (const [field, weight] of scoreItems(col)) {
    const n = numberOf(row.fields.get(field));
    if (n === undefined) continue;
    sum += n * weight;
    weights += weight;
  }
  return weights === 0 ? undefined : sum / weights;
}
