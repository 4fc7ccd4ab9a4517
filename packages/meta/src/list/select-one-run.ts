import type { Run } from '@gage/types';
import { RunSelectError } from '../errors.js';
import { selectRuns } from './select-runs.js';

const LIST_HINT = "Use 'gage list' to show available runs.";

/**
 * Selects exactly one run for single-run commands (`show`, `cat`,
 * `run --start`, ...; docs/spec/cli.md 3.2), with {@link selectRuns} rules. Without a
 * spec the newest run (spec `1`) is taken.
 *
 * @throws {RunSelectError} with the CLI's texts in `message` and `hint`:
 *   `No runs found` (`ERR_GAGE_NO_RUNS`, no spec and no runs),
 *   `No runs match '<spec>'` (`ERR_GAGE_NO_RUNS_MATCH`), both with hint
 *   `Use 'gage list' to show available runs.`; `'<spec>' matches <n> runs`
 *   (`ERR_GAGE_RUN_AMBIGUOUS`) with hint `Use an index or a longer ID or name.`
 * @example
 * ```ts
 * const run = selectOneRun(await listRuns(runsDir, { sort: ['-timestamp'] }), 'kafom');
 * ```
 */
export function selectOneRun(runs: readonly Run[], spec?: string): Run {
  if (spec === undefined && runs.length === 0) {
    throw new RunSelectError('ERR_GAGE_NO_RUNS', 'No runs found', LIST_HINT);
  }
  const s = spec ?? '1';
  const selected = selectRuns(runs, [s]);
  if (selected.length === 0) throw new RunSelectError('ERR_GAGE_NO_RUNS_MATCH', `No runs match '${s}'`, LIST_HINT);
  if (selected.length > 1) {
    throw new RunSelectError('ERR_GAGE_RUN_AMBIGUOUS', `'${s}' matches ${selected.length} runs`, 'Use an index or a longer ID or name.');
  }
  return selected[0] as Run;
}
