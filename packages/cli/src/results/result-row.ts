import type { RunStatus } from '@gage/types';
import { entryLabel, entryStartedSync, entryStatus, entryStoppedSync, entrySummary, labelNow, objectOf, readConfig, readExitCode,
  statusNow } from '../runs/_run-parts.js';
import type { RunEntry } from '../runs/run-list.js';

/**
 * The run attributes a results column can name (`run:<name>`): those of
 * Gage (Python)'s board (`id`, `name`, `operation`, `op_ns`, `op_version`,
 * `started`, `stopped`, `status`, `label`) plus the filter language's
 * `time` and the `exit_code`, in this order.
 */
export const RUN_ATTRS = ['id', 'name', 'operation', 'op_ns', 'op_version', 'started', 'stopped', 'time', 'status', 'label', 'exit_code'] as const;

/** Run attributes read only when a column names them (they cost a file read per run). */
const LATE_ATTRS: ReadonlySet<string> = new Set(['stopped', 'time', 'exit_code']);

/**
 * One run as results (compare, board) see it: every value by its field,
 * `run:<attr>`, `config:<key>`, `attribute:<key>` (summary attributes),
 * `metric:<key>`. Fields a run does not have are absent.
 */
export interface ResultRow {
  entry: RunEntry;
  fields: Map<string, unknown>;
}

/** Options of {@link readResultRows}. */
export interface ReadResultRowsOptions {
  /** Also read `run:stopped`, `run:time` and `run:exit_code` (one more file each). */
  late?: boolean;
}

/**
 * Reads the result rows of listed runs: the run attributes, the config and
 * the summary (`summary.json` in the meta dir). Values are as recorded
 * (integers `bigint`, floats `number`), except that times are ISO 8601
 * strings in UTC (`run:started`), `run:time` is seconds (a float; a
 * running run counts up to now) and a summary value given as `{"value": x}`
 * alone is `x` (an object with more keys than `value` is kept, as Gage
 * (Python)'s board keeps it). A NaN summary value is null. Unreadable parts
 * are left out, so one broken run does not break the table.
 *
 * @param entries listed runs (`listRunEntries`)
 * @param options what else to read
 * @example
 * ```ts
 * const rows = await readResultRows(entries);
 * rows[0]?.fields.get('metric:loss'); // 0.25
 * ```
 */
export async function readResultRows(entries: readonly RunEntry[], options: ReadResultRowsOptions = {}): Promise<ResultRow[]> {
  // The parts that need waiting first (most are known already: read ahead or read for `--where`), then every row synchronously.
  for (const entry of entries) {
    if (statusNow(entry) === undefined) await entryStatus(entry);
    if (labelNow(entry) === undefined) await entryLabel(entry);
  }
  const started = entries.map(entryStartedSync);
  const late = options.late ? entries.map(entryStoppedSync) : [];
  const now = Date.now();
  return entries.map((entry, i): ResultRow => {
    const fields = new Map<string, unknown>();
    const opref = entry.opref;
    const status = statusNow(entry) as RunStatus;
    const start = started[i];
    fields.set('run:id', entry.run.id);
    fields.set('run:name', entry.run.name);
    fields.set('run:operation', opref?.name ?? null);
    fields.set('run:op_ns', opref?.ns ?? null);
    fields.set('run:op_version', opref?.version ?? null);
    fields.set('run:started', isoTime(start));
    fields.set('run:status', status);
    fields.set('run:label', labelNow(entry)?.label ?? null);
    if (options.late) {
      const stopped = late[i];
      fields.set('run:stopped', isoTime(stopped));
      const end = stopped ?? (status === 'running' ? now * 1000 : undefined);
      fields.set('run:time', start !== undefined && end !== undefined ? (end - start) / 1e6 : null);
      const code = readExitCode(entry);
      fields.set('run:exit_code', code === undefined ? null : BigInt(code));
    }
    const config = readConfig(entry);
    for (const key of Object.keys(config)) fields.set(`config:${key}`, config[key]);
    const summary = entrySummary(entry);
    addSummary(fields, 'attribute', summary['attributes']);
    addSummary(fields, 'metric', summary['metrics']);
    return { entry, fields };
  });
}

/** The meta files {@link readResultRows} reads beyond listing and status (what to read ahead). */
export const RESULT_FILES: readonly string[] = ['config.json', 'summary.json'];

/**
 * True when the run attribute `name` is read only with
 * `{ late: true }` (`stopped`, `time`, `exit_code`).
 *
 * @example
 * ```ts
 * isLateAttr('time'); // true
 * ```
 */
export function isLateAttr(name: string): boolean {
  return LATE_ATTRS.has(name);
}

function addSummary(fields: Map<string, unknown>, prefix: string, values: unknown): void {
  const obj = objectOf(values);
  for (const key of Object.keys(obj)) fields.set(`${prefix}:${key}`, normalizeSummaryValue(obj[key]));
}

/**
 * A summary value as results show it: `{"value": x}` alone is `x`, NaN is
 * null, anything else as recorded.
 *
 * @example
 * ```ts
 * normalizeSummaryValue({ value: 0.5 }); // 0.5
 * normalizeSummaryValue({ value: 0.5, step: 3n }); // { value: 0.5, step: 3n }
 * ```
 */
export function normalizeSummaryValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  if (!Object.hasOwn(obj, 'value')) return value;
  const inner = normalizeSummaryValue(obj['value']);
  return Object.keys(obj).length === 1 ? inner : value;
}

/** µs since the epoch as ISO 8601 (UTC), or null. */
function isoTime(us: number | undefined): string | null {
  return us === undefined ? null : new Date(Math.floor(us / 1000)).toISOString();
}
