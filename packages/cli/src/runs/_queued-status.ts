import { join } from 'node:path';
import { readRunSubmission } from '@gage/meta';
import type { Run, RunStatus } from '@gage/types';

/** How long one scheduler answer serves this process (ms); the cache file serves other processes as long. */
const FRESH_MS = 2000;

/** The environment of the scheduler commands: that of the command being run (`runMain` sets it). */
let schedulerEnv: NodeJS.ProcessEnv = process.env;
/** The scheduler's answer per job, for {@link FRESH_MS}; `undefined` when it did not answer in time. */
const answers = new Map<string, { time: number; states: Promise<Map<string, string> | undefined> }>();
/** Runs whose `queued` the scheduler did not confirm: the table shows `queued?`. */
const unsure = new WeakSet<Run>();
/** Until when (epoch ms) the scheduler counts as down: it did not answer the last query in time. */
let downUntil = 0;

/**
 * Sets the environment the scheduler commands run with (`SLURM_CONF`,
 * `PATH`): the environment of the command being run.
 *
 * @example
 * ```ts
 * setSchedulerEnv(io.env);
 * ```
 */
export function setSchedulerEnv(env: NodeJS.ProcessEnv): void {
  schedulerEnv = env;
  answers.clear();
  downUntil = 0;
}

/**
 * The status of a run whose meta says `queued` (docs/spec/cli.md 5.23,
 * docs/spec/lifecycle.md 11), from its scheduler's queue: `queued` while
 * its task waits or has just started; `staged` once the task left the queue
 * without starting the run (cancelled, failed, killed before `gage` ran);
 * `queued`, marked unsure ({@link isStatusUnsure}), when the scheduler did
 * not answer within 1 s. One query per job, shared through
 * `<runsDir>/.slurm/queue.json` for 2 s.
 *
 * @example
 * ```ts
 * if (status === 'queued') status = await queuedStatus(run);
 * ```
 */
export async function queuedStatus(run: Run): Promise<RunStatus> {
  const submission = readRunSubmission(run);
  if (submission === undefined) return 'queued';
  const states = await jobStates(submission.job, join(run.runDir, '..', '.slurm', 'queue.json'));
  if (states === undefined) {
    unsure.add(run);
    return 'queued';
  }
  unsure.delete(run);
  return (states.get(submission.task) ?? 'ended') === 'ended' ? 'staged' : 'queued';
}

/** True when the run's `queued` could not be confirmed with its scheduler: the runs table shows `queued?`. */
export function isStatusUnsure(run: Run): boolean {
  return unsure.has(run);
}

function jobStates(job: string, cacheFile: string): Promise<Map<string, string> | undefined> {
  const now = Date.now();
  // A scheduler that did not answer is not asked again for a while: a listing waits 1 s at most.
  if (now < downUntil) return Promise.resolve(undefined);
  const known = answers.get(job);
  if (known && now - known.time < FRESH_MS) return known.states;
  const states = import('@gage/proc')
    .then(({ cachedTaskStates, slurmBackend }) =>
      cachedTaskStates(slurmBackend({ env: schedulerEnv }), cacheFile, [job], { maxAgeMs: FRESH_MS, timeoutMs: 1000 })
    )
    .then((answer) => {
      if (answer === undefined) downUntil = Date.now() + FRESH_MS;
      return answer;
    });
  answers.set(job, { time: now, states });
  return states;
}
