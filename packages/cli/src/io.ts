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
  env: Record<string, string | undefined>;
}

/** How output looks (cli.md 1.3). */
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
  for (const out of [process.stdout, process.stderr]) out.on('error', ignoreClosedReader);
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * A reader that went away (`gage run | head`, `gage runs | head`): its output
 * is dropped and the command carries on, so a run is still captured and
 * finalized. Any other error is thrown as without a listener.
 */
function ignoreClosedReader(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err;
}

/**
 * Works out the output mode of `io` (cli.md 1.3).
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
