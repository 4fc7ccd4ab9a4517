import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
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
  const exit = new Promise<number>((resolve) => {
    subprocess.once('exit', (code, signal) => {
      exited = true;
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
    get exited() {
      return exited;
    },
  };
}
