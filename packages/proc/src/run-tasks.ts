/** What became of one task of {@link runTasks}. */
export type TaskOutcome<R> =
  /** Never started: an earlier task failed (without `keepGoing`) or the signal aborted first. */
  | { state: 'not-started' }
  /** Resolved with `value`, which `isFailure` did not count as a failure. */
  | { state: 'done'; value: R }
  /** Resolved with a `value` that `isFailure` counts as a failure. */
  | { state: 'failed'; value: R }
  /** Rejected with `reason` (always a failure). */
  | { state: 'rejected'; reason: unknown };

/** How many tasks are in each state, for a progress display. */
export interface TaskCounts {
  /** Not started yet (and still to be started, unless the run of tasks stops early). */
  waiting: number;
  running: number;
  /** Ended, not as a failure. */
  done: number;
  /** Ended as a failure (a failed value or a rejection). */
  failed: number;
}

/** Options of {@link runTasks}. */
export interface RunTasksOptions<R> {
  /** Most tasks running at a time, an integer of 1 or more (default 1). */
  jobs?: number | undefined;
  /** Keep starting tasks after one failed (default: start no new task after a failure). */
  keepGoing?: boolean | undefined;
  /** Once aborted, no task starts; running tasks get it as their own `signal` and should stop. */
  signal?: AbortSignal | undefined;
  /** Whether a resolved value is a failure (default: none is; a rejection always is). */
  isFailure?: ((value: R) => boolean) | undefined;
  /** Called with the counts after every start and end of a task (and once at the start). */
  onProgress?: ((counts: TaskCounts) => void) | undefined;
}

/** What {@link runTasks} resolves with. */
export interface RunTasksResult<R> {
  /** One outcome per task, in the order of the tasks. */
  outcomes: TaskOutcome<R>[];
  /** Why tasks were left unstarted: `failure` (a task failed, no `keepGoing`), `signal` (aborted), or `undefined`. */
  stopped: 'failure' | 'signal' | undefined;
  /** The final counts (`waiting` = tasks never started). */
  counts: TaskCounts;
}

/** One task of {@link runTasks}: gets the scheduler's signal (never aborted when none was given). */
export type Task<R> = (signal: AbortSignal) => Promise<R>;

/**
 * Runs tasks with at most `jobs` of them at a time, starting them in order
 * (docs/spec/wave2.md decision 24). After a failure no new task starts
 * unless `keepGoing`; the running ones go on to their end. Once `signal`
 * aborts no task starts either; the running ones get that signal and are
 * waited for. Resolves when every started task has ended; never rejects for
 * a task (a rejection is its outcome). Pure: it keeps no state outside the
 * call, and the tasks own every process, lock and file.
 *
 * @param tasks the tasks, started in this order
 * @param options `jobs`, `keepGoing`, `signal`, `isFailure`, `onProgress`
 * @returns every task's outcome, why the run stopped early (if it did), the counts
 * @throws {RangeError} when `jobs` is not an integer of 1 or more
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort('SIGINT'));
 * const { outcomes } = await runTasks(runs.map((run) => (signal) => execRun(run, { signal })), {
 *   jobs: 2, signal: controller.signal, isFailure: (status) => status !== 0,
 * });
 * ```
 */
export async function runTasks<R>(tasks: readonly Task<R>[], options: RunTasksOptions<R> = {}): Promise<RunTasksResult<R>> {
  const jobs = options.jobs ?? 1;
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be an integer of 1 or more, got ${String(jobs)}`);
  const signal = options.signal ?? new AbortController().signal;
  const isFailure = options.isFailure ?? (() => false);
  const outcomes: TaskOutcome<R>[] = tasks.map(() => ({ state: 'not-started' }));
  const counts: TaskCounts = { waiting: tasks.length, running: 0, done: 0, failed: 0 };
  const progress = (): void => options.onProgress?.({ ...counts });
  let next = 0;
  let stopped: RunTasksResult<R>['stopped'];
  const mayStart = (): boolean => {
    if (signal.aborted) stopped ??= 'signal';
    return stopped === undefined && next < tasks.length;
  };
  const runOne = async (index: number): Promise<void> => {
    counts.waiting--;
    counts.running++;
    progress();
    let outcome: TaskOutcome<R>;
    try {
      const value = await (tasks[index] as Task<R>)(signal);
      outcome = isFailure(value) ? { state: 'failed', value } : { state: 'done', value };
    } catch (reason) {
      outcome = { state: 'rejected', reason };
    }
    outcomes[index] = outcome;
    counts.running--;
    if (outcome.state === 'done') counts.done++;
    else {
      counts.failed++;
      if (!options.keepGoing) stopped ??= 'failure';
    }
    progress();
  };
  // Each lane runs tasks one after another; `jobs` lanes run side by side.
  const lane = async (): Promise<void> => {
    while (mayStart()) await runOne(next++);
  };
  progress();
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
  return { outcomes, stopped: counts.waiting > 0 ? stopped : undefined, counts: { ...counts } };
}
