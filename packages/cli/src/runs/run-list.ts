import { listRuns, selectRuns } from '@gage/meta';
import type { Run } from '@gage/types';
import { CliError } from '../errors.js';
import { readRunInfo, type RunInfo } from './run-info.js';

/** Options of {@link loadRunList}. */
export interface LoadRunListOptions {
  /** List the trash. */
  deleted?: boolean | undefined;
  /** `-w/--where` term (cli.md 3.4). */
  where?: string | undefined;
}

/**
 * The list runs are selected from (cli.md 3.1): the runs of `runsDir` (or its
 * trash), newest first, kept when they pass `where`; indexes are positions
 * in this list.
 *
 * @param runsDir the runs dir
 * @param options trash and filter
 * @example
 * ```ts
 * const runs = await loadRunList(runsDir, { where: 'error' });
 * ```
 */
export async function loadRunList(runsDir: string, options: LoadRunListOptions = {}): Promise<RunInfo[]> {
  const runs: Run[] = await listRuns(runsDir, { sort: ['-timestamp'], deleted: options.deleted === true });
  const infos = await Promise.all(runs.map((run) => readRunInfo(run, 0)));
  const where = options.where?.trim() ?? '';
  const kept = where === '' ? infos : infos.filter((i) => matchesWhere(i, where));
  kept.forEach((info, i) => (info.index = i + 1));
  return kept;
}

/**
 * The simple `--where` term (cli.md 3.4): operation name, status, or a
 * substring of the label.
 *
 * @example
 * ```ts
 * matchesWhere(info, 'error'); // true for a run with status error
 * ```
 */
export function matchesWhere(info: RunInfo, term: string): boolean {
  return info.opref?.name === term || info.status === term || (info.label ?? '').includes(term);
}

/**
 * Selects runs by specs (cli.md 3.2), keeping list order.
 *
 * @example
 * ```ts
 * selectInfos(runs, ['1', 'abc']);
 * ```
 */
export function selectInfos(runs: RunInfo[], specs: string[]): RunInfo[] {
  const selected = new Set(selectRuns(runs.map((r) => r.run), specs).map((r: Run) => r.metaDir));
  return runs.filter((r) => selected.has(r.run.metaDir));
}

/**
 * Selects exactly one run for commands that need one (cli.md 3.2): spec `1`
 * when none is given; throws the `No runs match`, `No runs found` and
 * `matches N runs` errors.
 *
 * @example
 * ```ts
 * const info = selectOne(runs, parsed.args[0]);
 * ```
 */
export function selectOne(runs: RunInfo[], spec: string | undefined): RunInfo {
  const hint = "Use 'gage list' to show available runs.";
  if (spec === undefined && runs.length === 0) throw new CliError('ERR_GAGE_NO_RUNS', 'No runs found', { hint });
  const found = selectInfos(runs, [spec ?? '1']);
  if (found.length === 0) throw new CliError('ERR_GAGE_NO_RUN_MATCH', `No runs match '${spec ?? '1'}'`, { hint });
  if (found.length > 1) {
    throw new CliError('ERR_GAGE_AMBIGUOUS_RUN', `'${spec}' matches ${found.length} runs`, {
      hint: 'Use an index or a longer ID or name.',
    });
  }
  return found[0] as RunInfo;
}

/**
 * `1 run` / `N runs`.
 *
 * @example
 * ```ts
 * runsCount(2); // '2 runs'
 * ```
 */
export function runsCount(n: number): string {
  return n === 1 ? '1 run' : `${n} runs`;
}
