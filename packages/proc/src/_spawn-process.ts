import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import type { ExecCommand } from '@gage/types';
import { SpawnError } from './errors.js';
import { resolveCommand } from './resolve-command.js';

/** A child process started by {@link spawnProcess}. */
export interface SpawnedProcess {
  pid: number;
  stdout: Readable;
  stderr: Readable;
  /** Resolves with the exit code, or `-signum` when a signal ended the process. */
  exit: Promise<number>;
  /** Sends a signal; false when the process is gone. */
  kill(signal: NodeJS.Signals): boolean;
  /** True once the process exited. */
  readonly exited: boolean;
}

/**
 * Spawns `cmd` (lifecycle.md 7.5 forms) with stdin inherited and separate
 * stdout/stderr pipes, `env` over the parent environment. The exit promise
 * follows the process itself, not its pipes (a grandchild may hold them).
 * Should Gage exit while the process runs, the process gets SIGTERM.
 *
 * Uses `node:child_process` directly: execa's module graph and spawn path
 * cost ~30 ms of every `gage run` (loading ~250 KB of bundled code and
 * its signal tables) for nothing this needs.
 */
export async function spawnProcess(cmd: ExecCommand, options: { cwd: string; env: Record<string, string> }): Promise<SpawnedProcess> {
  const { file, args, shell } = resolveCommand(cmd);
  const child = spawn(file, args, {
    shell,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['inherit', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', resolve);
  });
  const pid = child.pid;
  if (spawned !== undefined || pid === undefined || !child.stdout || !child.stderr) {
    const code = (spawned as NodeJS.ErrnoException | undefined)?.code;
    throw new SpawnError(shell ? '/bin/sh' : file, options.cwd, {
      reason: code === 'ENOENT' ? 'program not found' : code === 'EACCES' ? 'permission denied' : String(spawned?.message),
      hint: code === 'ENOENT' ? `Check that "${file}" is installed and on PATH.` : undefined,
      cause: spawned,
    });
  }
  let exited = false;
  const killOnExit = (): void => void child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const exit = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      process.off('exit', killOnExit);
      resolve(signal ? -(constants.signals[signal] ?? 1) : code ?? 1);
    });
  });
  child.on('error', () => undefined); // a failed kill; the exit status comes from the 'exit' event
  return {
    pid,
    stdout: child.stdout,
    stderr: child.stderr,
    exit,
    kill: (signal) => !exited && child.kill(signal),
    get exited() {
      return exited;
    },
  };
}
