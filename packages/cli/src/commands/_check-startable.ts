import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRunSubmission, RunGoneError, RunLockedError, runLockState, runStatus } from '@gage/meta';
import { SUBMITTED_TASK_ENV } from '@gage/proc';
import type { GageError, Run, RunStatus } from '@gage/types';
import { CliError } from '../errors.js';
import { queuedStatus } from '../runs/_queued-status.js';

/** Why a run cannot be started with `--start` (docs/spec/cli.md 5.1). */
export type NotStartable =
  /** Another process holds its lock. */
  | { kind: 'locked' }
  /** Its meta dir was deleted after it was selected. */
  | { kind: 'gone' }
  /** It is not `staged`. */
  | { kind: 'status'; status: RunStatus }
  /** It is `staged`, but its process ran already and its runner stopped before finalizing. */
  | { kind: 'ran' };

/**
 * Why `run` cannot be started, or `undefined` when it can: it must be
 * staged and its process must never have run (docs/spec/cli.md 5.1 `--start`);
 * a `queued` run only by its own scheduler task (`GAGE_SUBMITTED_TASK`), or
 * once its task left the queue without starting it (docs/spec/cli.md 5.23).
 * Without the lock (`locked` false), a run that another process holds is
 * refused as `lockRun` would refuse it: that process may be starting it now.
 *
 * @example
 * ```ts
 * const why = await whyNotStartable(run, false);
 * if (why) throw notStartableError(run, why);
 * ```
 */
export async function whyNotStartable(run: Run, locked: boolean): Promise<NotStartable | undefined> {
  if (!locked && (await runLockState(run)) === 'held') return { kind: 'locked' };
  // Deleted (or moved to the trash) since it was listed, e.g. during the prompt.
  if (!existsSync(run.metaDir)) return { kind: 'gone' };
  let status = await runStatus({ ...run });
  // A submitted run is started by its own scheduler task, or by anyone once that task left the queue (docs/spec/cli.md 5.23).
  if (status === 'queued') status = isOwnTask(run) ? 'staged' : await queuedStatus({ ...run });
  if (status !== 'staged') return { kind: 'status', status };
  // `staged` is also the status of a run whose runner died after its process ran but before finalizing
  // (docs/spec/lifecycle.md 11); its output file shows that the process started (a failed spawn leaves none).
  if (existsSync(join(run.metaDir, 'output', '40_run'))) return { kind: 'ran' };
  return undefined;
}

/** True in the scheduler task that was submitted to start `run` (its `GAGE_SUBMITTED_TASK` is the run's task). */
function isOwnTask(run: Run): boolean {
  const task = readRunSubmission(run)?.task;
  return task !== undefined && task === process.env[SUBMITTED_TASK_ENV];
}

/**
 * The error of `gage run --start` for one run that cannot be started
 * (docs/spec/cli.md 5.1), exit 1.
 *
 * @example
 * ```ts
 * throw notStartableError(run, { kind: 'status', status: 'completed' }); // Run "<id>" is 'completed'
 * ```
 */
export function notStartableError(run: Run, why: NotStartable): GageError {
  switch (why.kind) {
    case 'locked':
      return new RunLockedError(run.id);
    case 'gone':
      return new RunGoneError(run.id, run.metaDir, { hint: 'It was deleted after it was selected; nothing was started.' });
    case 'status':
      return new CliError('ERR_GAGE_RUN_NOT_STAGED', `Run "${run.id}" is '${why.status}'`, {
        hint: why.status === 'queued'
          ? `It was submitted: its scheduler task starts it. To cancel the task, run 'gage stop ${run.name}'.`
          : "Only staged runs can be started with '--start'.",
      });
    case 'ran':
      return new CliError('ERR_GAGE_RUN_NOT_STAGED', `Run "${run.id}" was started already and not finalized (its runner stopped)`, {
        hint: "A run is started once; stage a new run with 'gage run --stage'.",
      });
  }
}

/**
 * The line `gage run --start` of several runs prints for a run it skips
 * (docs/spec/cli.md 5.1): `Skipped run <name>: <reason>`.
 *
 * @example
 * ```ts
 * skippedLine(run, { kind: 'locked' }); // 'Skipped run vadur-gudij: in use by another process\n'
 * ```
 */
export function skippedLine(run: Run, why: NotStartable): string {
  const reason = {
    locked: () => 'in use by another process',
    gone: () => 'it was deleted',
    status: () => `it is '${(why as { status: RunStatus }).status}'`,
    ran: () => 'it was started already and not finalized (its runner stopped)',
  }[why.kind]();
  return `Skipped run ${run.name}: ${reason}\n`;
}

/**
 * Fails with the error of {@link notStartableError} unless `run` can be
 * started (see {@link whyNotStartable}).
 *
 * @example
 * ```ts
 * await checkStartable(run, true); // under the run's lock
 * ```
 */
export async function checkStartable(run: Run, locked: boolean): Promise<void> {
  const why = await whyNotStartable(run, locked);
  if (why) throw notStartableError(run, why);
}
