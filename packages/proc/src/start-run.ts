import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { lockRun, logRunnerSync, makeRunTimestamp, readRunCmdSync, withoutRedacted } from '@gage/meta';
import type { RunLock } from '@gage/meta';
import type { Run } from '@gage/types';
import { formatCommand } from './_format-command.js';
import { spawnProcess } from './_spawn-process.js';
import { SpawnError } from './errors.js';

/** Options of {@link startRun}. */
export interface StartRunOptions {
  /** A run lock the caller holds; otherwise `startRun` takes one and releases it once the process exited. */
  lock?: RunLock | undefined;
  /** Extra environment, applied last (over `proc/env`). */
  env?: Record<string, string> | undefined;
  /** `PARENT_PWD` for the process (default: `process.cwd()`, the Gage process cwd). */
  parentPwd?: string | undefined;
}

/** A started run process (docs/spec/lifecycle.md 8.1). */
export interface RunProcess {
  /** Process id. */
  readonly pid: number;
  /** When the process was started, epoch microseconds (a run timestamp). */
  readonly startedAt: number;
  /** The process stdout (read it with `openRunOutput`). */
  readonly stdout: Readable;
  /** The process stderr. */
  readonly stderr: Readable;
  /**
   * Resolves once the process exited (and a lock `startRun` took was
   * released) with its exit code, or `-signum` for a signal (SIGINT → -2).
   */
  wait(): Promise<number>;
  /** Sends `signal` (default SIGTERM) to the process; false when it is gone. */
  kill(signal?: NodeJS.Signals): boolean;
  /**
   * Sends `signal` (default SIGTERM) to the process group of the run (POSIX:
   * the process leads a group of its own; elsewhere: the process only), which
   * also holds what the process left running after it exited. False when none
   * of it is left.
   */
  killGroup(signal?: NodeJS.Signals): boolean;
  /** True while any process of the run's process group lives (elsewhere than POSIX: while the process does). */
  groupAlive(): boolean;
  /** True once the process exited. */
  readonly exited: boolean;
}

/**
 * Starts the run process of a staged run (docs/spec/lifecycle.md 8.1): reads
 * `proc/cmd` and `proc/env`, logs `Starting run process: <cmd>` and spawns
 * the command in the run dir with stdin inherited and separate stdout and
 * stderr pipes, on POSIX in a session and process group of its own (a
 * terminal's signals reach it only through the caller; a watchdog stops the
 * group if the caller dies first). The environment is the parent's, then `RUN_ID`, `RUN_DIR`,
 * `PARENT_PWD`, `PYTHONDONTWRITEBYTECODE=1`, then `proc/env` (last wins).
 * Writes no meta file (decision 4).
 *
 * @param run A staged run.
 * @param options `lock`, `env`, `parentPwd`.
 * @returns The running process; read its output with `openRunOutput`.
 * @throws `RunLockedError` (`ERR_GAGE_RUN_LOCKED`) when another process holds the run;
 *   `SpawnError` (`ERR_GAGE_SPAWN`) when the run dir is missing or the program cannot be started.
 * @example
 * ```ts
 * const p = await startRun(run);
 * const output = openRunOutput(run, p);
 * const exitCode = await p.wait();
 * await output.waitAndClose();
 * ```
 */
export async function startRun(run: Run, options: StartRunOptions = {}): Promise<RunProcess> {
  const ownLock = options.lock ? undefined : await lockRun(run);
  try {
    const cmd = readRunCmdSync(run);
    await assertRunDir(run, cmd.args);
    logRunnerSync(run, `Starting run process: ${formatCommand(cmd.args)}`);
    const env = {
      RUN_ID: run.id,
      RUN_DIR: run.runDir,
      PARENT_PWD: options.parentPwd ?? process.cwd(),
      PYTHONDONTWRITEBYTECODE: '1',
      ...withoutRedacted(cmd.env), // a `<redacted>` secret comes from the parent env (decision 18)
      ...options.env,
    };
    const startedAt = makeRunTimestamp();
    const child = await spawnProcess(cmd.args, { cwd: run.runDir, env });
    const exit = child.exit.then(async (code) => {
      await releaseQuietly(ownLock);
      return code;
    });
    return {
      pid: child.pid,
      startedAt,
      stdout: child.stdout,
      stderr: child.stderr,
      wait: () => exit,
      kill: (signal = 'SIGTERM') => child.kill(signal),
      killGroup: (signal = 'SIGTERM') => child.killGroup(signal),
      groupAlive: () => child.groupAlive(),
      get exited() {
        return child.exited;
      },
    };
  } catch (err) {
    await ownLock?.release();
    throw err;
  }
}

async function assertRunDir(run: Run, args: string | string[]): Promise<void> {
  const info = await stat(run.runDir).catch(() => undefined);
  if (info?.isDirectory()) return;
  const program = typeof args === 'string' ? args : args[0] ?? '';
  throw new SpawnError(program, run.runDir, {
    reason: `the run directory of run "${run.id}" does not exist`,
    hint: 'Stage the run before starting it.',
  });
}

/** Releases a lock after the process exited; a failure there must not hide the exit status. */
async function releaseQuietly(lock: RunLock | undefined): Promise<void> {
  try {
    await lock?.release();
  } catch (err) {
    process.emitWarning(`Cannot release the run lock: ${String(err)}`, { code: 'GAGE_RUN_LOCK' });
  }
}
