import { readdir, stat } from 'node:fs/promises';
import { listRuns, parseRunFilter, runAttrSync, runStatus, runUserAttrs, type FilterRow } from '@gage/meta';
import type { Run, RunStatus } from '@gage/types';
import { jsonSafe } from './_json-safe.js';
import { readMetaJson } from './_read-meta-json.js';

/** One row of the runs table, as the `/api/runs` route returns it (JSON-safe). */
export interface RunRow {
  id: string;
  name: string;
  /** The operation name; `null` for a half-made run. */
  operation: string | null;
  status: RunStatus;
  label: string | null;
  /** Epoch ms; `null` when not started (stopped). */
  started: number | null;
  stopped: number | null;
  /** The run config (integers as numbers, or as text past 2^53). */
  config: Record<string, unknown>;
  /** Metrics of `summary.json`, `{value}` objects flattened to their value. */
  metrics: Record<string, unknown>;
  /** Summary attributes, flattened the same way. */
  attributes: Record<string, unknown>;
}

interface Cached {
  row: RunRow;
  filterRow: FilterRow;
  /** `mtimeMs` of the run's `.user` attribute dir when the label was read (0: none). */
  userMtime: number;
}

const TERMINAL = new Set<RunStatus>(['completed', 'error', 'terminated']);

/**
 * Reads the rows of the runs table, newest first, keeping the rows of
 * finished runs between calls: a finished run's config, summary and times
 * do not change, so only its label is read again (when its `.user` dir
 * changed). Running, staged and pending runs are read in full every time,
 * so their status and metrics are live.
 *
 * @example
 * ```ts
 * const rows = new RunRows('/tmp/runs');
 * const { runs } = await rows.list('status == completed');
 * ```
 */
export class RunRows {
  readonly runsDir: string;
  #cache = new Map<string, Cached>();

  constructor(runsDir: string) {
    this.runsDir = runsDir;
  }

  /**
   * The rows passing `where` (the filter language of decision 21; empty or
   * missing: every run).
   *
   * @throws {FilterSyntaxError} `ERR_GAGE_FILTER` for a bad expression
   */
  async list(where?: string): Promise<RunRow[]> {
    const filter = where?.trim() ? parseRunFilter(where) : undefined;
    const names = await readdir(this.runsDir).catch(() => [] as string[]);
    const runs = await listRuns(this.runsDir, { sort: ['-timestamp'], names, onError: () => {} });
    const users = new Set(names.filter((n) => n.endsWith('.user')));
    const seen = new Set<string>();
    const now = Date.now();
    const rows: RunRow[] = [];
    for (const run of runs) {
      seen.add(run.id);
      const cached = await this.#row(run, users.has(`${run.id}.user`));
      if (!filter || filter.matches(cached.filterRow, now)) rows.push(cached.row);
    }
    for (const id of this.#cache.keys()) if (!seen.has(id)) this.#cache.delete(id);
    return rows;
  }

  async #row(run: Run, hasUser: boolean): Promise<Cached> {
    const userMtime = hasUser ? await stat(`${run.runDir}.user`).then((s) => s.mtimeMs, () => 0) : 0;
    const old = this.#cache.get(run.id);
    if (old && TERMINAL.has(old.row.status)) {
      if (old.userMtime === userMtime) return old;
      const label = await readLabel(run, hasUser, old.filterRow.attributes);
      const updated = { ...old, row: { ...old.row, label }, filterRow: { ...old.filterRow, label }, userMtime };
      this.#cache.set(run.id, updated);
      return updated;
    }
    const fresh = await readRow(run, hasUser, userMtime);
    this.#cache.set(run.id, fresh);
    return fresh;
  }
}

async function readRow(run: Run, hasUser: boolean, userMtime: number): Promise<Cached> {
  // The status first: a run that finishes while it is read is then read as running, and again next time.
  const status = await runStatus(run);
  const config = readMetaJson(run, 'config.json') ?? {};
  const summary = readMetaJson(run, 'summary.json') ?? {};
  const metrics = objectOf(summary['metrics']);
  const attributes = objectOf(summary['attributes']);
  const runSummary = objectOf(summary['run']);
  const label = await readLabel(run, hasUser, runSummary);
  const started = timeMs(run, 'started');
  const stopped = timeMs(run, 'stopped');
  const operation = run.opref?.name ?? null;
  const filterRow: FilterRow = {
    id: run.id,
    name: run.name,
    operation,
    status,
    label,
    config,
    metrics,
    attributes,
    started: started ?? undefined,
    stopped: stopped ?? undefined,
  };
  const row: RunRow = {
    id: run.id,
    name: run.name,
    operation,
    status,
    label,
    started,
    stopped,
    config: jsonSafe(config) as Record<string, unknown>,
    metrics: flatten(metrics),
    attributes: flatten(attributes),
  };
  return { row, filterRow, userMtime };
}

/** The run label (docs/spec/lifecycle.md 14): the user `label`, else the summary's run label; empty is none. */
async function readLabel(run: Run, hasUser: boolean, runSummary: Readonly<Record<string, unknown>> | undefined): Promise<string | null> {
  const user = hasUser ? await runUserAttrs(run).catch(() => ({} as Record<string, unknown>)) : {};
  const label = typeof user['label'] === 'string' ? user['label'] : runSummary?.['label'];
  return typeof label === 'string' && label !== '' ? label : null;
}

function timeMs(run: Run, name: 'started' | 'stopped'): number | null {
  try {
    const value = runAttrSync(run, name, undefined);
    return typeof value === 'number' ? Math.floor(value / 1000) : null;
  } catch {
    return null;
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/** Summary values with `{value, label?}` objects flattened to their value, JSON-safe. */
function flatten(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = jsonSafe(v !== null && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v);
  }
  return out;
}
