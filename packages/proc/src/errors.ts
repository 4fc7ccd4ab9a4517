import { fileSystemError, GageError } from '@gage/types';
import type { ExecPhase } from '@gage/types';

/** The codes `@gage/proc` throws (its README lists them). */
export type ProcErrorCode = 'ERR_GAGE_RUN_EXEC' | 'ERR_GAGE_SPAWN' | 'ERR_GAGE_RUN_OUTPUT' | 'ERR_GAGE_SCHEDULER';

/**
 * A hook (or a run started by a hook-like caller) exited with a non-zero
 * status (docs/spec/lifecycle.md 7.5). `exitCode` is `-<signum>` when a signal killed it.
 * The CLI exits with `exitCode`, or `128 + signum` for a signal, and prints
 * no message of its own.
 *
 * @example
 * ```ts
 * try { await runHook(run, 'stage-runtime', 'make deps'); }
 * catch (err) { if (isGageError(err) && err.code === 'ERR_GAGE_RUN_EXEC') process.exitCode = err.exitCode; }
 * ```
 */
export class RunExecError extends GageError<ProcErrorCode> {
  /** The exec phase that failed. */
  readonly phase: ExecPhase;
  /** The command as given (string or argv array). */
  readonly args: string | string[];
  /** The exit code, or `-<signum>` when a signal killed the process. */
  readonly exitCode: number;

  constructor(phase: ExecPhase, args: string | string[], exitCode: number) {
    super('ERR_GAGE_RUN_EXEC', `Command for "${phase}" exited with ${describeStatus(exitCode)}: ${formatArgs(args)}`);
    this.phase = phase;
    this.args = args;
    this.exitCode = exitCode;
  }
}

/**
 * A process could not be spawned: the program does not exist, is not
 * executable, or the run directory is missing. `program` names what was run.
 *
 * @example
 * ```ts
 * throw new SpawnError('pyhton', '/runs/abc', { cause: err });
 * ```
 */
export class SpawnError extends GageError<ProcErrorCode> {
  /** The program that could not be started. */
  readonly program: string;
  /** The working directory it was started in. */
  readonly cwd: string;

  constructor(program: string, cwd: string, options: { reason?: string; hint?: string; cause?: unknown } = {}) {
    super('ERR_GAGE_SPAWN', `Cannot start "${program}" in "${cwd}": ${options.reason ?? 'spawn failed'}`, {
      hint: options.hint,
      cause: options.cause,
    });
    this.program = program;
    this.cwd = cwd;
  }
}

/**
 * The output of a run could not be saved (`ERR_GAGE_RUN_OUTPUT`), e.g. the
 * disk filled up: `Cannot save the output of run "<id>": no space left on
 * device ("<path>")`, with the hint of the `FileSystemError` when the cause
 * is one. Capture stopped at the failure; the process was waited for, and
 * `exitStatus` is its status, so the caller can still finalize the run.
 *
 * @example
 * ```ts
 * try { status = await execRun(run); }
 * catch (err) { if (err instanceof RunOutputError) await finalizeRun(run, err.exitStatus).catch(() => {}); throw err; }
 * ```
 */
export class RunOutputError extends GageError<ProcErrorCode> {
  /** The run id. */
  readonly runId: string;
  /** The output file that could not be written. */
  readonly path: string;
  /** The exit status of the run process (`-signum` for a signal). */
  readonly exitStatus: number;

  constructor(runId: string, path: string, exitStatus: number, cause: unknown) {
    const action = `Cannot save the output of run "${runId}"`;
    const fsError = fileSystemError(cause, { action, path });
    const message = fsError?.message ?? `${action}: ${String((cause as Error | undefined)?.message ?? cause)} ("${path}")`;
    super('ERR_GAGE_RUN_OUTPUT', message, { hint: fsError?.hint, cause });
    this.runId = runId;
    this.path = path;
    this.exitStatus = exitStatus;
  }
}

function describeStatus(exitCode: number): string {
  return exitCode < 0 ? `signal ${-exitCode}` : `code ${exitCode}`;
}

function formatArgs(args: string | string[]): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
}

/**
 * A scheduler command failed (`ERR_GAGE_SCHEDULER`): it is not installed
 * (the hint names the package), the scheduler rejected the request (its
 * message is the message), or it did not answer in time.
 *
 * @example
 * ```ts
 * throw new SchedulerError('sbatch', 'sbatch: error: invalid partition specified: nope');
 * ```
 */
export class SchedulerError extends GageError<ProcErrorCode> {
  /** The command that failed (`sbatch`). */
  readonly program: string;

  constructor(program: string, message: string, options: { hint?: string | undefined; cause?: unknown } = {}) {
    super('ERR_GAGE_SCHEDULER', message, options);
    this.program = program;
  }
}
