import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { clearRunAttrCache, parseRunFilter, readTextSync, runAttrSync, runForMetaDirSync, runStatus, runUserAttrs, type FilterRow } from '@gage/meta';
import type { Run, RunStatus } from '@gage/types';
import { jsonSafe } from './_json-safe.js';
import { readMetaJson } from './_read-meta-json.js';
import type { RunRow, RunRowsPage } from './route-types.js';

/** A run of the first listing's index: what the default order needs. */
interface IndexEntry {
  id: string;
  /** Epoch ms, as {@link RunRow.started}; `null`: not started. */
  started: number | null;
  hasUser: boolean;
}

interface Cached {
  run: Run;
  /** The summary's `run` part (its label is the run label when the user set none). */
  summaryRun: unknown;
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
 * changed), and a later listing is one `readdir` plus the live runs.
 * Running, staged and pending runs are read in full every time, so their
 * status and metrics are live. Runs are the `<id>.meta` dirs of the runs
 * dir (docs/spec/lifecycle.md 15); deleted ones are not listed.
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
  #pending: Promise<Cached[]> | undefined;
  /** The index of {@link page} until a listing has ended. */
  #index: Promise<IndexEntry[]> | undefined;
  /** True once a listing has ended: the rows of finished runs are kept, so a listing is quick. */
  #listed = false;

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
    const all = await (this.#pending ??= this.#readAll().finally(() => (this.#pending = undefined)));
    const now = Date.now();
    return all.filter((c) => !filter || filter.matches(c.filterRow, now)).map((c) => c.row);
  }

  /** True once a listing started (it may still be under way): the next one is quick, or shares it. */
  get listing(): boolean {
    return this.#listed || this.#pending !== undefined;
  }

  /**
   * The first `limit` rows passing `where`, newest first, with the number
   * of runs. Once a listing has ended this is {@link list} cut to `limit`.
   * Before (a fresh server and no filter), it does not wait for the first
   * listing of the runs dir (about seven small reads a run): it reads each
   * run's `started` (one read a run), sorts, and reads the full rows of the
   * first `limit` runs only, so the runs table shows its first screenful
   * long before the listing ends (docs/spec/cli.md 5.24). Those rows are
   * read as {@link list} reads them.
   *
   * @throws {FilterSyntaxError} `ERR_GAGE_FILTER` for a bad expression
   * @example
   * ```ts
   * const { runs, total, complete } = await rows.page('', 100);
   * ```
   */
  async page(where: string | undefined, limit: number): Promise<RunRowsPage> {
    if (this.#listed || where?.trim()) {
      const all = await this.list(where);
      return { runs: all.slice(0, limit), total: all.length, complete: all.length <= limit };
    }
    const index = await (this.#index ??= this.#readIndex());
    const runs: RunRow[] = [];
    let notRuns = 0;
    for (const entry of index) {
      if (runs.length >= limit) break;
      const cached = await this.#row(entry.id, entry.hasUser);
      if (cached) runs.push(cached.row);
      else notRuns++;
    }
    const total = index.length - notRuns;
    return { runs: runs.sort(newestFirst), total, complete: runs.length === total };
  }

  /** Every `<id>.meta` dir with its start time, in the default order (newest first); runs are not loaded. */
  async #readIndex(): Promise<IndexEntry[]> {
    const entries = await readdir(this.runsDir, { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.map((e) => e.name));
    const index: IndexEntry[] = [];
    const turn = eventLoopTurns();
    for (const entry of entries) {
      // A regular file is never a run (runForMetaDirSync); a link or an unknown type may be.
      if (!entry.name.endsWith('.meta') || entry.isFile()) continue;
      const id = entry.name.slice(0, -'.meta'.length);
      index.push({ id, started: startedMs(`${this.runsDir}/${entry.name}/started`), hasUser: names.has(`${id}.user`) });
      const t = turn();
      if (t) await t;
    }
    return index.sort(newestFirst);
  }

  /** Every run's row, newest first; callers that come while it reads share it. */
  async #readAll(): Promise<Cached[]> {
    const names = await readdir(this.runsDir).catch(() => [] as string[]);
    const present = new Set(names);
    const seen = new Set<string>();
    const all: Cached[] = [];
    const turn = eventLoopTurns();
    for (const name of names) {
      if (!name.endsWith('.meta')) continue;
      const id = name.slice(0, -'.meta'.length);
      seen.add(id);
      const cached = await this.#row(id, present.has(`${id}.user`));
      if (cached) all.push(cached);
      const t = turn();
      if (t) await t;
    }
    for (const id of this.#cache.keys()) if (!seen.has(id)) this.#cache.delete(id);
    this.#listed = true;
    this.#index = undefined;
    return all.sort((a, b) => newestFirst(a.row, b.row));
  }

  /** The row of the run in `<id>.meta`: kept when finished, else read; `undefined` for what is not a run. */
  async #row(id: string, hasUser: boolean): Promise<Cached | undefined> {
    const old = this.#cache.get(id);
    const userMtime = hasUser ? await stat(join(this.runsDir, `${id}.user`)).then((s) => s.mtimeMs, () => 0) : 0;
    if (old && TERMINAL.has(old.row.status)) {
      if (old.userMtime === userMtime) return old;
      const label = await readLabel(old.run, hasUser, objectOf(old.summaryRun));
      const updated = { ...old, row: { ...old.row, label }, filterRow: { ...old.filterRow, label }, userMtime };
      this.#cache.set(id, updated);
      return updated;
    }
    const run = old?.run ?? runForMetaDirSync(join(this.runsDir, `${id}.meta`));
    if (!run) return undefined;
    if (old) clearRunAttrCache(run);
    const fresh = await readRow(run, hasUser, userMtime);
    this.#cache.set(id, fresh);
    return fresh;
  }
}

/**
 * A function to await in a long loop: it gives the event loop a turn
 * every 2 ms, so the server answers other requests (the UI's assets, the
 * first rows) while a first listing of 10,000 runs reads. Each request
 * takes a few turns (connect, read, answer), and on a busy machine each
 * ms of work here takes several of wall time: longer slices made every
 * asset of the page wait hundreds of ms.
 */
function eventLoopTurns(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < 2) return undefined;
    return new Promise((resolve) => setImmediate(resolve)).then(() => void (last = performance.now()));
  };
}

/** The meta file `started` at `path` in epoch ms, as {@link RunRow.started} reads it (`runAttrSync`); `null` when missing or not an integer. */
function startedMs(path: string): number | null {
  let text: string;
  try {
    text = readTextSync(path);
  } catch {
    return null;
  }
  // A scalar meta file is an integer, trailing whitespace allowed (docs/spec/lifecycle.md 5.1).
  const s = text.trimEnd();
  const n = /^-?\d+$/.test(s) ? Number(s) : NaN;
  return Number.isSafeInteger(n) ? Math.floor(n / 1000) : null;
}

/** Newest first by start (then by id); runs not started yet first, as the newest. */
function newestFirst(a: { id: string; started: number | null }, b: { id: string; started: number | null }): number {
  const sa = a.started ?? Infinity;
  const sb = b.started ?? Infinity;
  return sa === sb ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : sb - sa;
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
  return { run, summaryRun: summary['run'], row, filterRow, userMtime };
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
