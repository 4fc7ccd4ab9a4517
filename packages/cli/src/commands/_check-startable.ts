import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunGoneError, RunLockedError, runLockState, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { CliError } from '../errors.js';

/**
 * Fails unless `run` is staged and its process never ran (docs/spec/cli.md 5.1
 * `--start`). Without the lock (`locked` false), a run that another process
 * holds is refused as `lockRun` would refuse it: that process may be
 * starting it right now.
 *
 * @example
 * ```ts
 * await checkStartable(run, true); // under the run's lock
 * ```
 */
export async function checkStartable(run: Run, locked: boolean): Promise<void> {
  if (!locked && (await runLockState(run)) === 'held') throw new RunLockedError(run.id);
  // Deleted (or moved to the trash) since it was listed, e.g. during the prompt.
  if (!existsSync(run.metaDir)) throw new RunGoneError(run.id, run.metaDir, { hint: 'It was deleted after it was selected; nothing was started.' });
  const status = await runStatus({ ...run });
  if (status !== 'staged') {
    throw new CliError('ERR_GAGE_RUN_NOT_STAGED', `Run "${run.id}" is '${status}'`, { hint: "Only staged runs can be started with '--start'." });
  }
  // `staged` is also the status of a run whose runner died after its process ran but before finalizing
  // (docs/spec/lifecycle.md 11); its output file shows that the process started (a failed spawn leaves none).
  if (existsSync(join(run.metaDir, 'output', '40_run'))) {
    throw new CliError('ERR_GAGE_RUN_NOT_STAGED', `Run "${run.id}" was started already and not finalized (its runner stopped)`, {
      hint: "A run is started once; stage a new run with 'gage run --stage'.",
    });
  }
}
