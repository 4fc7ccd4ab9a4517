import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import type { ExecCommand } from '@gage/types';
import { SpawnError } from './errors.js';
import { resolveCommand } from './resolve-command.js';
import { watchProcessGroup } from './_watchdog.js';

/** POSIX: each process runs in a session and process group of its own (see {@link spawnProcess}). */
const OWN_GROUP = process.platform !== 'win32';

/** A child process started by {@link spawnProcess}. */
export interface SpawnedProcess {
  pid: number;
  stdout: Readable;
  stderr: Readable;
  /** Resolves with the exit code, or `-signum` when a signal ended the process. */
  exit: Promise<number>;
  /** Sends a signal to the process; false when it is gone. */
  kill(signal: NodeJS.Signals): boolean;
  /**
   * Sends a signal to the process group of the process (POSIX; elsewhere to
   * the process): the process and every descendant that stayed in its group,
   * also after the process itself exited. False when none of it is left.
   */
  killGroup(signal: NodeJS.Signals): boolean;
  /** True while any process of its process group lives (POSIX; elsewhere: while the process does). */
  groupAlive(): boolean;
  /** True once the process exited. */
  readonly exited: boolean;
}

/**
 * Spawns `cmd` (docs/spec/lifecycle.md 7.5 forms) with stdin inherited and separate
 * stdout/stderr pipes, `env` over the parent environment. The exit promise
 * follows the process itself, not its pipes (a grandchild may hold them).
 *
 * On POSIX the process gets a session and process group of its own
 * (`detached`), so that a terminal's Ctrl-C reaches it once, through the
 * caller (which forwards it to the group), not twice, and so that a
 * `kill(0, ...)` in the run cannot reach the caller. A watchdog
 * (`_watchdog.ts`) stops the group if the caller dies before the process
 * exited.
 */
export async function spawnProcess(cmd: ExecCommand, options: { cwd: string; env: Record<string, string> }): Promise<SpawnedProcess> {
  const { file, args, shell } = resolveCommand(cmd);
  const subprocess = execa(file, args, {
    shell,
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    stdin: 'inherit',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
    forceKillAfterDelay: false,
    windowsHide: true,
    detached: OWN_GROUP,
  });
  const pid = subprocess.pid;
  if (pid === undefined || !subprocess.stdout || !subprocess.stderr) {
    const result = await subprocess;
    const code = (result as { code?: string }).code;
    throw new SpawnError(shell ? '/bin/sh' : file, options.cwd, {
      reason: code === 'ENOENT' ? 'program not found' : code === 'EACCES' ? 'permission denied' : result.message,
      hint: code === 'ENOENT' ? `Check that "${file}" is installed and on PATH.` : undefined,
      cause: result,
    });
  }
  let exited = false;
  const releaseWatchdog = OWN_GROUP ? watchProcessGroup(pid) : () => undefined;
  const exit = new Promise<number>((resolve) => {
    subprocess.once('exit', (code, signal) => {
      exited = true;
      releaseWatchdog();
      resolve(signal ? -(constants.signals[signal] ?? 1) : code ?? 1);
    });
  });
  void subprocess.catch(() => undefined); // the exit status comes from the 'exit' event
  return {
    pid,
    stdout: subprocess.stdout,
    stderr: subprocess.stderr,
    exit,
    kill: (signal) => !exited && subprocess.kill(signal),
    killGroup: (signal) => (OWN_GROUP ? signalGroup(pid, signal) : !exited && subprocess.kill(signal)),
    groupAlive: () => (OWN_GROUP ? signalGroup(pid, 0) : !exited),
    get exited() {
      return exited;
    },
  };
}

/** Sends `signal` (0: none, just look) to the process group `pgid`; false when it has no process left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
