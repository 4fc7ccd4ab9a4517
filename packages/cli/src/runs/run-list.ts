import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { FilterSyntaxError, listRuns, parseRunFilter, selectOneRun, selectRuns, type RunFilter } from '@gage/meta';
import type { OpRef, Run } from '@gage/types';
import { startReadAhead, type AheadText, type ReadAhead } from './_read-ahead.js';
import { readMetaSync } from './_read-meta-sync.js';
import { DESCRIPTION_FILES, entryLabel, entryStatus, setReadAhead } from './_run-parts.js';
import { readRunInfos, type RunInfo } from './run-info.js';
import { filterNamesTimes, filterRow } from './_filter-row.js';
import { PresentedError } from '../errors.js';

/** A run of the list runs are selected from, before any of its details are read. */
export interface RunEntry {
  run: Run;
  /** Position in the list (1 = newest). */
  index: number;
  opref: OpRef | undefined;
  /** `<id>.user` (user attributes) is in the runs dir. */
  hasUserAttrs: boolean;
  /** `<id>.project` (project reference) is in the runs dir. */
  hasProjectRef: boolean;
}

/** Options of {@link listRunEntries}. */
export interface LoadRunListOptions {
  /** List the trash. */
  deleted?: boolean | undefined;
  /** `-w/--where` expression (docs/spec/cli.md 3.4, decision 21). */
  where?: string | undefined;
  /**
   * The rows the caller will read (`readRunRows`): how many at most
   * (`Infinity` for all) and whether with the description column. When
   * that (or `where`) means reading thousands of runs, their files are
   * read on two threads (a worker and this one) before listing. `files`
   * replaces the description's files (`DESCRIPTION_FILES`) by the meta
   * files the caller reads (`compare`, `board`: `config.json`,
   * `summary.json`).
   */
  rows?: { count: number; description: boolean; files?: readonly string[] } | undefined;
}

/** Fewer runs than this are read on the main thread only (a worker costs ~20 ms to start). */
const READ_AHEAD_MIN = 2000;

/** What `listRuns` reads of each run (`opref`, `id`, the `-timestamp` sort key). */
const LIST_FILES = ['opref', 'id', 'started'];

/**
 * The list runs are selected from (docs/spec/cli.md 3.1): the runs of `runsDir` (or its
 * trash), newest first, kept when they pass `where`; indexes are positions
 * in this list. Costs one readdir and the few small reads of `listRuns` per
 * run; `where` adds the status and, when needed, the label. Read the
 * details of the runs shown with `readRunRows` / `readRunInfos`.
 *
 * @param runsDir the runs dir
 * @param options trash and filter
 * @example
 * ```ts
 * const entries = await listRunEntries(runsDir, { where: 'error' });
 * const rows = await readRunRows(entries.slice(0, 20));
 * ```
 */
export async function listRunEntries(runsDir: string, options: LoadRunListOptions = {}): Promise<RunEntry[]> {
  const names = await readRunsDir(runsDir);
  const sidecars = new Set(names.filter((n) => n.endsWith('.user') || n.endsWith('.project')));
  const where = options.where?.trim() ?? '';
  const filter = where === '' ? undefined : parseWhere(options.where as string);
  const texts = await readAhead(runsDir, names, options, filter)?.finish();
  const runs = await listRuns(runsDir, {
    sort: ['-timestamp'],
    deleted: options.deleted === true,
    names,
    ...(texts ? { read: aheadReader(texts) } : {}),
  });
  const entries = runs.map((run): RunEntry => {
    const base = basename(run.runDir);
    const entry = { run, index: 0, opref: run.opref, hasUserAttrs: sidecars.has(`${base}.user`), hasProjectRef: sidecars.has(`${base}.project`) };
    const read = texts?.get(basename(run.metaDir));
    if (read) setReadAhead(entry, read);
    return entry;
  });
  const kept: RunEntry[] = [];
  const now = Date.now();
  for (const entry of entries) {
    if (filter === undefined) kept.push(entry);
    else if (filter.term !== undefined ? await matchesWhere(entry, filter.term) : filter.matches(await filterRow(entry, filter), now)) kept.push(entry);
  }
  kept.forEach((entry, i) => (entry.index = i + 1));
  return kept;
}

/**
 * {@link listRunEntries} with the details of every listed run read
 * (`readRunInfos`). Prefer listing entries, selecting or paging, and reading
 * only the runs shown.
 *
 * @example
 * ```ts
 * const runs = await loadRunList(runsDir, { where: 'error' });
 * ```
 */
export async function loadRunList(runsDir: string, options: LoadRunListOptions = {}): Promise<RunInfo[]> {
  return readRunInfos(await listRunEntries(runsDir, options));
}

/**
 * The simple `--where` term (docs/spec/cli.md 3.4): operation name, status, or a
 * substring of the label. Reads the status, then the label, only as far as
 * needed; both are kept for the row shown later.
 *
 * @example
 * ```ts
 * await matchesWhere(entry, 'error'); // true for a run with status error
 * ```
 */
async function matchesWhere(entry: RunEntry, term: string): Promise<boolean> {
  if (entry.opref?.name === term || (await entryStatus(entry)) === term) return true;
  return ((await entryLabel(entry)) ?? '').includes(term);
}

/**
 * Selects runs by specs (docs/spec/cli.md 3.2), keeping list order.
 *
 * @example
 * ```ts
 * selectInfos(entries, ['1', 'abc']);
 * ```
 */
export function selectInfos<T extends { run: Run }>(runs: readonly T[], specs: string[]): T[] {
  const selected = new Set(selectRuns(runs.map((r) => r.run), specs).map((r: Run) => r.metaDir));
  return runs.filter((r) => selected.has(r.run.metaDir));
}

/**
 * Selects exactly one run for commands that need one (docs/spec/cli.md 3.2) with
 * `selectOneRun` of `@gage/meta`: spec `1` when none is given; throws its
 * `RunSelectError` (`No runs match '<spec>'`, `No runs found`, `'<spec>'
 * matches <n> runs`, each with its hint).
 *
 * @example
 * ```ts
 * const entry = selectOne(entries, parsed.args[0]);
 * ```
 */
export function selectOne<T extends { run: Run }>(runs: readonly T[], spec: string | undefined): T {
  const run = selectOneRun(runs.map((r) => r.run), spec);
  return runs.find((r) => r.run === run) as T;
}

/**
 * Starts reading, on a second thread, what listing, `where` and the rows
 * will read, when that is thousands of runs.
 */
function readAhead(runsDir: string, names: readonly string[], options: LoadRunListOptions, filter: RunFilter | undefined): ReadAhead | undefined {
  const where = filter !== undefined;
  const suffix = options.deleted === true ? '.meta.deleted' : '.meta';
  const metaNames = names.filter((n) => n.endsWith(suffix) && n.length > suffix.length);
  if (metaNames.length < READ_AHEAD_MIN) return undefined;
  const files = new Set(LIST_FILES);
  const rows = Math.min(metaNames.length, options.rows?.count ?? 0) >= READ_AHEAD_MIN;
  if (where || rows) files.add('proc/exit');
  if (where) files.add('summary.json');
  // An expression may name config keys and times (`stopped` is read only for the names of times).
  if (filter !== undefined && filter.term === undefined) {
    files.add('config.json');
    if (filterNamesTimes(filter)) files.add('stopped');
  }
  if (rows && options.rows?.description) { for (const f of options.rows.files ?? DESCRIPTION_FILES) files.add(f); }
  return startReadAhead(runsDir, { names: metaNames, files: [...files] });
}

/**
 * Parses a `-w/--where` expression (decision 21); a bad one is a usage
 * error of the command: `Cannot use where expression '<expr>': <problem>`.
 */
export function parseWhere(expression: string): RunFilter {
  try {
    return parseRunFilter(expression);
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw new PresentedError(err, { message: `Cannot use where expression '${expression}': ${err.message}`, hint: err.hint });
  }
}

/** A `listRuns` reader that takes the files read ahead and reads the others now. */
function aheadReader(texts: Map<string, Record<string, AheadText>>): (metaDir: string, file: string) => string | Error | undefined {
  return (metaDir, file) => {
    const text = texts.get(basename(metaDir))?.[file];
    if (text !== undefined) return text ?? undefined;
    try {
      return readMetaSync(metaDir, file);
    } catch (err) {
      return err as Error;
    }
  };
}

/** The entry names of the runs dir; `[]` when it does not exist. */
async function readRunsDir(runsDir: string): Promise<string[]> {
  try {
    return await readdir(runsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
