import { isatty } from 'node:tty';
/** A stream the CLI writes to. */
export interface OutStream {
  /** Returns false when the stream buffers data it could not pass on yet (Node's `Writable.write`). */
  write(data: string | Uint8Array): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  /** The file descriptor (Node's `process.stdout.fd`). */
  fd?: number | undefined;
  /** True once the stream was destroyed (Node's `Writable.destroyed`): it takes no more data. */
  destroyed?: boolean | undefined;
  /** Node's `Writable` events, used to wait for `drain` after `write` returned false. */
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  off?(event: 'drain' | 'close', listener: () => void): unknown;
}

/** A stream the CLI reads answers from. */
export interface InStream {
  isTTY?: boolean | undefined;
  /** The file descriptor: answers are then read from it directly, exactly one line each (see `confirm`). */
  fd?: number | undefined;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/** The terminal a command talks to; tests pass their own. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** The environment (`process.env` for the process): `HOME`, `GAGE_RUNS`, `COLUMNS`, `NO_COLOR`, ... */
  env: Record<string, string | undefined>;
  /**
   * The first failed write to stdout and to stderr, other than to a reader
   * that went away (EPIPE): a full disk, `> /dev/full`, a terminal that is
   * gone. `processIo` records them; `runMain` reports them at the end.
   */
  writeErrors?: WriteErrors | undefined;
}

/** See {@link Io.writeErrors}. */
export interface WriteErrors {
  stdout?: Error | undefined;
  stderr?: Error | undefined;
}

/** How output looks (docs/spec/cli.md 1.3). */
export interface OutputMode {
  /** stdout is a TTY and `TERM` is not `dumb`/`unknown`. */
  styled: boolean;
  /** Colours: styled without `NO_COLOR`, or `FORCE_COLOR`. */
  color: boolean;
  /** `W`: `COLUMNS`, else the TTY width, else 80. */
  width: number;
}

/**
 * The process's terminal.
 *
 * @example
 * ```ts
 * const io = processIo();
 * io.stdout.write('hi\n');
 * ```
 */
export function processIo(): Io {
  const writeErrors: WriteErrors = {};
  for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
    stream.on('error', (err) => recordWriteError(writeErrors, name, err));
    catchSyncWriteErrors(stream, name, writeErrors);
  }
  return { stdout: process.stdout, stderr: process.stderr, stdin: processStdin(), env: process.env, writeErrors };
}

/**
 * Deno throws a failed write (ENOSPC) from `write` itself instead of
 * emitting `error`: record it the same way, then drop what comes after.
 * Errors without a system error code (a bug: bad arguments) are thrown.
 */
function catchSyncWriteErrors(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr', errors: WriteErrors): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]): boolean => {
    if (errors[name]) return true; // nothing more goes out: nothing to wait for either
    try {
      return write(...args);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (typeof code !== 'string' || code.startsWith('ERR_')) throw err;
      recordWriteError(errors, name, err);
      return true;
    }
  }) as typeof stream.write;
}

/**
 * Descriptor 0, with `process.stdin` made only if something reads it as a
 * stream: making it reads ahead of the answer to a prompt, and for a pipe
 * makes the descriptor non-blocking, which the run process shares.
 */
function processStdin(): InStream {
  return {
    fd: 0,
    isTTY: isatty(0),
    on: (event: 'data' | 'end', listener: (chunk: Buffer | string) => void) => process.stdin.on(event, listener),
    pause: () => process.stdin.pause(),
    resume: () => process.stdin.resume(),
  } as InStream;
}

/**
 * Notes a failed write to `stream`. A reader that went away (EPIPE: `gage
 * run | head`) is no error: its output is dropped. Any other failure is
 * recorded (the first one per stream) instead of ending `gage` at once: the
 * stream takes nothing more (Node destroys it), the command carries on, so a
 * run is still captured and finalized, and `runMain` reports it at the end.
 *
 * @example
 * ```ts
 * queue = new FileWriteQueue(1, (err) => recordWriteError(io.writeErrors, 'stdout', err));
 * ```
 */
export function recordWriteError(errors: WriteErrors | undefined, stream: 'stdout' | 'stderr', err: unknown): void {
  if ((err as NodeJS.ErrnoException | null)?.code === 'EPIPE' || !errors) return;
  errors[stream] ??= err instanceof Error ? err : new Error(String(err));
}

/**
 * The exit status of `gage` once a command ended with `code`: after a failed
 * write to stdout or stderr (see {@link recordWriteError}) at least 1 — the
 * command's own non-zero status is kept, a 0 becomes 1 — and a failed stdout
 * is named on stderr: `gage: cannot write to stdout: <reason>`.
 *
 * @example
 * ```ts
 * return reportWriteErrors(io, await handler(ctx, parsed));
 * ```
 */
export function reportWriteErrors(io: Io, code: number): number {
  const errors = io.writeErrors;
  if (!errors?.stdout && !errors?.stderr) return code;
  if (errors.stdout && !errors.stderr) io.stderr.write(`gage: cannot write to stdout: ${errors.stdout.message}\n`);
  return code !== 0 ? code : 1;
}

/**
 * Works out the output mode of `io` (docs/spec/cli.md 1.3).
 *
 * @example
 * ```ts
 * outputMode({ ...io, env: { COLUMNS: '80' } }).width; // 80
 * ```
 */
export function outputMode(io: Io): OutputMode {
  const term = io.env.TERM;
  const styled = io.stdout.isTTY === true && term !== 'dumb' && term !== 'unknown';
  const force = io.env.FORCE_COLOR;
  const color = force !== undefined && force !== '' && force !== '0' ? true : styled && io.env.NO_COLOR === undefined;
  const cols = io.env.COLUMNS;
  const tty = io.stdout.columns;
  // A pseudo-terminal without a size reports 0 columns: use 80 as for no TTY.
  const width = cols !== undefined && /^\d+$/.test(cols.trim()) && Number(cols) > 0 ? Number(cols) : tty !== undefined && tty > 0 ? tty : 80;
  return { styled, color, width };
}
