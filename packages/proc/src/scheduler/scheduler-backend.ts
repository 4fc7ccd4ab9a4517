/** The environment variable each scheduler task sets to its own task id before it starts its run. */
export const SUBMITTED_TASK_ENV = 'GAGE_SUBMITTED_TASK';

/** Where a task stands in its scheduler: waiting, started, or no longer there (ended, cancelled, failed). */
export type TaskState = 'pending' | 'running' | 'ended';

/** What {@link SchedulerBackend.submit} submits: one job, one task per command. */
export interface SubmitRequest {
  /** One command (argv) per task, in task order. */
  commands: readonly (readonly string[])[];
  /** The tasks' working directory; every node must see it (the runs dir). */
  cwd: string;
  /** Where the tasks' output files go; every node must see it. */
  outputDir: string;
  /** Most tasks running at a time (`-j`); none for no limit. */
  throttle?: number | undefined;
  /** The job's name in the scheduler. */
  name: string;
  /** Options passed on to the scheduler as they are (`--sbatch ARG`). */
  schedulerArgs: readonly string[];
  /**
   * Called once the job exists and before any of its tasks can start, with
   * its ids (to record them). When it throws, the job is cancelled and the
   * error rethrown.
   */
  beforeStart?: ((job: SubmittedJob) => Promise<void> | void) | undefined;
}

/** A submitted job: its id and one entry per task, in task order. */
export interface SubmittedJob {
  job: string;
  tasks: { id: string; output: string }[];
}

/** What the scheduler would be given: the job script and the submit command (`--preview`). */
export interface SubmitPreview {
  script: string;
  command: string[];
}

/** Options of {@link SchedulerBackend.query}. */
export interface QueryOptions {
  /** Give up after this many ms (throws {@link SchedulerError}); default 1000. */
  timeoutMs?: number | undefined;
}

/** Options of {@link SchedulerBackend.cancel}. */
export interface CancelOptions {
  /** Send `SIGTERM` to every process of the tasks instead of ending them (they handle it and end). */
  terminate?: boolean | undefined;
}

/**
 * A batch scheduler that runs staged runs elsewhere (docs/spec/wave2.md
 * decision 27, docs/scale-out.md). Each task runs a command (`gage run
 * --start <id>`) with {@link SUBMITTED_TASK_ENV} set to its task id. Slurm
 * ({@link slurmBackend}) is the first; Kubernetes Jobs or Ray would
 * implement the same four methods.
 *
 * @example
 * ```ts
 * const backend: SchedulerBackend = slurmBackend();
 * const job = await backend.submit({ commands: [['gage', 'run', '--start', id, '-y']], cwd: runsDir, outputDir, name: 'gage', schedulerArgs: [] });
 * await backend.query([job.job]); // Map { '12_0' => 'pending' }
 * ```
 */
export interface SchedulerBackend {
  /** Its name (`slurm`), recorded with each submitted run. */
  readonly name: string;
  /** The script and command {@link submit} would use. */
  preview(request: SubmitRequest): SubmitPreview;
  /** Submits one job with a task per command; resolves once its tasks may start. */
  submit(request: SubmitRequest): Promise<SubmittedJob>;
  /** The state of each task of the jobs that the scheduler still knows; a task it does not list has `ended`. */
  query(jobIds: readonly string[], options?: QueryOptions): Promise<Map<string, TaskState>>;
  /** Cancels tasks (or, with `terminate`, signals their processes). */
  cancel(taskIds: readonly string[], options?: CancelOptions): Promise<void>;
}
