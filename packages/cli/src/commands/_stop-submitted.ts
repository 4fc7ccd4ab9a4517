import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearRunSubmission, readRunSubmission, RUN_LOCK_STALE_MS, runLockState, runStatus } from '@gage/meta';
import { slurmBackend } from '@gage/proc';
import type { Run } from '@gage/types';
import type { Context } from '../context.js';

/** What {@link stopSubmitted} did with a run. */
export type StopSubmittedResult =
  /** Its task was cancelled before it started the run: the run is `staged` again. */
  | 'cancelled'
  /** Its task got `SIGTERM` and the run was finalized. */
  | 'terminated'
  /** Its task still ran after the grace period: Slurm ended it, and the run reads `terminated` once its lock is stale. */
  | 'killed';

/**
 * Stops a submitted run through its scheduler (docs/spec/cli.md 5.22, 5.23):
 * a `queued` run's task is cancelled (`scancel`) and its submission
 * forgotten, so the run is `staged` again, unless the task had started the
 * run by then; a `running` one's task gets `SIGTERM` in every process
 * (`scancel --full --signal=TERM`): its `gage` finalizes the run
 * `terminated`, and this waits for that as `stopRun` does. Still running after `graceMs`: `scancel`, which ends what
 * is left (Slurm's `SIGKILL`), and the run reads `terminated` through the
 * stale-lock rule (docs/spec/lifecycle.md 11).
 *
 * @example
 * ```ts
 * if (readRunSubmission(run)) await stopSubmitted(ctx, run, 'queued', 10_000);
 * ```
 */
export async function stopSubmitted(ctx: Context, run: Run, status: 'queued' | 'running', graceMs: number): Promise<StopSubmittedResult> {
  const submission = readRunSubmission(run);
  if (submission === undefined) throw new Error(`Run "${run.id}" was not submitted`);
  const backend = slurmBackend({ env: ctx.io.env as NodeJS.ProcessEnv });
  if (status === 'queued') {
    await backend.cancel([submission.task]);
    // The task may have started the run just before: then that run ends as any stopped run.
    if (!existsSync(join(run.metaDir, 'started'))) {
      clearRunSubmission(run);
      return 'cancelled';
    }
  } else {
    await backend.cancel([submission.task], { terminate: true });
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if ((await runStatus({ ...run })) !== 'running') {
      await finalized(run);
      return 'terminated';
    }
    await sleep(100);
  }
  await backend.cancel([submission.task]);
  return 'killed';
}

/**
 * Waits until the run's `gage` has finalized it (`proc/exit`) or is gone (its
 * lock is no longer held), at most the time a dead runner's lock takes to
 * turn stale, plus 5 s.
 */
async function finalized(run: Run): Promise<void> {
  const deadline = Date.now() + RUN_LOCK_STALE_MS + 5000;
  while (Date.now() < deadline) {
    if (existsSync(join(run.metaDir, 'proc', 'exit')) || (await runLockState(run).catch(() => 'none')) !== 'held') return;
    await sleep(100);
  }
}
