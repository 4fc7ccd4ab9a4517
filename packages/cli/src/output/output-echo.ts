import { fstatSync } from 'node:fs';
import type { OutStream } from '../io.js';
import { FileWriteQueue, regularFileFd } from './file-write-queue.js';
import type { StatusDisplay } from './status-line.js';

/**
 * Echoes run output to the terminal: stdout bytes to `stdout`, stderr bytes
 * to `stderr`, above the status line. With a `prefix` (`[name] ` when several
 * runs share the terminal, docs/spec/cli.md 5.1), every line is written with the
 * prefix in front, and every write holds whole lines only: a last line
 * without LF (or the early part of a very long line) gets a LF, so that the
 * next run's line starts on a line of its own.
 *
 * Two callbacks feed it. {@link chunk} (the capture's `onOutputChunk`) gets
 * all the lines one pipe chunk completed (one or two pieces) and writes them
 * at once: one write per piece, and on a TTY one clear and one redraw of the
 * status line per chunk, not per line. {@link line} (the per-line `onOutput`, used by the
 * staging hooks) queues lines and writes them together once the current
 * chunk has been handled (the next `setImmediate`); consecutive lines of one
 * stream become one write. Either way the order within each stream is kept
 * and nothing waits longer than the chunk that brought it.
 *
 * Backpressure: when the terminal side is slower than the run (a pipe into a
 * pager or a slow consumer, where Node's stdout buffers instead of blocking),
 * {@link chunk} returns a promise that resolves on the stream's `drain` (or
 * `close`), and the capture stops reading the run's pipes until then, so
 * output does not pile up in memory.
 *
 * When stdout is a regular file (`gage run > log`), its chunks are written on
 * the thread pool by a {@link FileWriteQueue} (in order, with the same
 * backpressure past 4 MiB queued), so the thread that reads the run's pipes
 * and stores the output does not also wait for the echo's disk writes
 * (unless stderr goes to the same file, `> log 2>&1`: then both are written
 * directly, in the order they came). Call {@link drain} before writing
 * anything else.
 *
 * @example
 * ```ts
 * const echo = new OutputEcho(status, io.stdout, io.stderr);
 * await execRun(run, { onOutputChunk: echo.chunk });
 * await echo.drain();
 * ```
 */
export class OutputEcho {
  readonly #status: Pick<StatusDisplay, 'write'>;
  readonly #prefix: Buffer | undefined;
  readonly #streams: readonly [OutStream, OutStream];
  #pending: Uint8Array[] = [];
  #pendingStream = 0;
  #scheduled: ReturnType<typeof setImmediate> | undefined;
  /** The pending wait for `drain` of stdout and of stderr. */
  readonly #draining: [Promise<void> | undefined, Promise<void> | undefined] = [undefined, undefined];
  /** Writes stdout on the thread pool when it is a regular file (and not also stderr's). */
  readonly #stdoutFile: FileWriteQueue | undefined;

  /**
   * @param options `onWriteError` reports a failed write to a stdout file
   *   (once; the echo to it stops; default: `process.emitWarning`, code
   *   `GAGE_OUTPUT_CALLBACK`); `prefix` goes before every line.
   */
  constructor(status: Pick<StatusDisplay, 'write'>, stdout: OutStream, stderr: OutStream, options: OutputEchoOptions = {}) {
    const onWriteError = options.onWriteError;
    this.#status = status;
    this.#prefix = options.prefix ? Buffer.from(options.prefix, 'utf8') : undefined;
    this.#streams = [stdout, stderr];
    const fd = regularFileFd(stdout);
    // `gage run > log 2>&1`: stderr, written directly, would overtake stdout queued for the thread pool.
    const queue = fd !== undefined && !sameFile(fd, stderr.fd);
    this.#stdoutFile = !queue ? undefined : new FileWriteQueue(fd, onWriteError ?? ((err) => {
      process.emitWarning(`Echo of the run output failed and was stopped: ${String(err)}`, { code: 'GAGE_OUTPUT_CALLBACK' });
    }));
  }

  /**
   * The chunk callback: writes the `pieces` of `stream` (0 stdout, 1 stderr)
   * now; returns a promise to wait for when the stream cannot take more yet.
   */
  readonly chunk = (stream: number, pieces: readonly Uint8Array[]): Promise<void> | undefined => {
    if (this.#pending.length > 0) this.flush();
    if (pieces.length === 0) return undefined;
    if (this.#prefix) pieces = [prefixLines(this.#prefix, pieces)];
    if (stream !== 1 && this.#stdoutFile) return this.#stdoutFile.write(pieces);
    const s = stream === 1 ? 1 : 0;
    const out = this.#streams[s] as OutStream;
    if (this.#status.write(out, pieces.length === 1 ? pieces[0] as Uint8Array : pieces)) return undefined;
    // One wait per stream, shared by every chunk that comes while it lasts (no listener per chunk).
    return (this.#draining[s] ??= drained(out)?.finally(() => (this.#draining[s] = undefined)));
  };

  /** The line callback: queues `line` of `stream` (0 stdout, 1 stderr). */
  readonly line = (stream: number, line: Uint8Array): void => {
    const s = stream === 1 ? 1 : 0;
    if (this.#prefix) line = prefixLines(this.#prefix, [line]);
    if (this.#pending.length > 0 && s !== this.#pendingStream) this.flush();
    this.#pendingStream = s;
    this.#pending.push(line);
    this.#scheduled ??= setImmediate(() => this.flush());
  };

  /** Writes every queued line now. */
  flush(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    if (this.#pending.length === 0) return;
    const data = this.#pending.length === 1 ? (this.#pending[0] as Uint8Array) : Buffer.concat(this.#pending);
    this.#pending = [];
    // Behind queued stdout bytes, stdout lines wait their turn in the queue.
    if (this.#pendingStream === 0 && this.#stdoutFile && !this.#stdoutFile.idle) {
      void this.#stdoutFile.write([data]);
      return;
    }
    this.#status.write(this.#streams[this.#pendingStream] as OutStream, data);
  }

  /** Writes every queued line and resolves once all echoed output is written. */
  async drain(): Promise<void> {
    this.flush();
    await this.#stdoutFile?.drain();
  }
}

/** Options of {@link OutputEcho}. */
export interface OutputEchoOptions {
  /** Reports a failed write to a stdout file. */
  onWriteError?: ((err: unknown) => void) | undefined;
  /** Written before every line (`[name] `). */
  prefix?: string | undefined;
}

const LF = Buffer.from('\n');

/**
 * The bytes of `pieces` (consecutive output of one stream) with `prefix`
 * before each line, and a LF after a last line that has none.
 */
export function prefixLines(prefix: Uint8Array, pieces: readonly Uint8Array[]): Buffer {
  const data = Buffer.concat(pieces);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < data.length;) {
    const lf = data.indexOf(0x0a, start);
    const end = lf < 0 ? data.length : lf + 1;
    parts.push(prefix, data.subarray(start, end));
    if (lf < 0) parts.push(LF);
    start = end;
  }
  return Buffer.concat(parts);
}

/** True when both fds are open on the same file (same device and inode). */
function sameFile(fd: number, other: number | undefined): boolean {
  if (typeof other !== 'number') return false;
  try {
    const a = fstatSync(fd);
    const b = fstatSync(other);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** Resolves when `out` emits `drain` or `close`; at once when it cannot tell. */
function drained(out: OutStream): Promise<void> | undefined {
  const { once, off } = out;
  // A destroyed stream (its reader went away) emits neither event again.
  if (!once || !off || out.destroyed === true) return undefined;
  return new Promise<void>((resolve) => {
    const done = (): void => {
      off.call(out, 'drain', done);
      off.call(out, 'close', done);
      resolve();
    };
    once.call(out, 'drain', done);
    once.call(out, 'close', done);
  });
}
