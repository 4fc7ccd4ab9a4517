import { execa } from 'execa';

/** Options of {@link captureCommand}. */
export interface CaptureCommandOptions {
  /** Working directory. */
  cwd: string;
  /** Extra environment over the parent's. */
  env?: Record<string, string> | undefined;
  /** Kill the process (SIGKILL) after this many milliseconds. Default 10,000. */
  timeoutMs?: number | undefined;
  /** Keep at most this many bytes of stdout; the process is killed once it writes more. Default 1 MiB. */
  maxBytes?: number | undefined;
  /** Stops the process (SIGKILL). */
  signal?: AbortSignal | undefined;
}

/** What {@link captureCommand} saw. */
export interface CapturedCommand {
  /** The exit code; `undefined` when the process did not start, was killed, or timed out. */
  exitCode: number | undefined;
  /** Standard output, at most `maxBytes`. */
  stdout: Buffer;
  /** Standard error (at most 64 kB), as UTF-8. */
  stderr: string;
  /** Stdout was longer than `maxBytes`. */
  truncated: boolean;
  /** The process was killed at the time limit. */
  timedOut: boolean;
  /** Why the process could not run (`program not found`), or `undefined`. */
  error: string | undefined;
}

const STDERR_LIMIT = 65_536;

/**
 * Runs a short helper command (`git status`, `python --version`,
 * `nvidia-smi`) with no shell and no stdin, and collects its output with a
 * size cap and a time limit. It never throws for the command's failure: a
 * missing program, a non-zero exit or a timeout are in the result.
 *
 * @example
 * ```ts
 * const r = await captureCommand('git', ['rev-parse', 'HEAD'], { cwd: projectDir, timeoutMs: 2000 });
 * if (r.exitCode === 0) console.log(r.stdout.toString('utf8').trim());
 * ```
 */
export async function captureCommand(file: string, args: readonly string[], options: CaptureCommandOptions): Promise<CapturedCommand> {
  const maxBytes = options.maxBytes ?? 1_048_576;
  const child = execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    timeout: options.timeoutMs ?? 10_000,
    killSignal: 'SIGKILL',
    cancelSignal: options.signal,
    windowsHide: true,
  });
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (truncated) return;
    if (size + chunk.length > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      child.kill('SIGKILL');
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
  });
  // The process's own exit ends the wait: a grandchild that keeps a pipe open gets 100 ms to let go.
  const exited = new Promise<void>((resolve) => child.once('exit', () => setTimeout(resolve, 100).unref()));
  const settled = await Promise.race([child.then(() => true), exited.then(() => false)]);
  if (!settled) {
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
  const result = await child;
  const notStarted = result.failed && result.exitCode === undefined && !result.timedOut && !result.isCanceled && result.signal === undefined;
  const code = (result as { code?: string }).code;
  return {
    exitCode: truncated || result.timedOut ? undefined : result.exitCode,
    stdout: Buffer.concat(chunks),
    stderr: stderr.slice(0, STDERR_LIMIT),
    truncated,
    timedOut: result.timedOut,
    error: notStarted ? (code === 'ENOENT' ? 'program not found' : code === 'EACCES' ? 'permission denied' : result.shortMessage) : undefined,
  };
}
