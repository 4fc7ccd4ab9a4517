import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Run } from '@gage/types';
import { OutputSink, STDERR, STDOUT } from './_output-sink.js';
import { noteBytesRead } from './collect-read-buffers.js';
import { ReadHolds } from './_read-holds.js';
import type { OutputCallback, OutputChunkCallback } from './_output-sink.js';
import type { ScalarCapture } from './scalar-capture.js';

/**
 * Milliseconds of reading after a process exited before its output is closed
 * although a pipe is still open (`waitAndClose(OUTPUT_DRAIN_MS)`): what the
 * process wrote is in the pipes and is read at once, but a process it left
 * running in the background may hold them open for ever.
 */
export const OUTPUT_DRAIN_MS = 1000;

/** The two pipes of a process to capture; a `null` pipe counts as already ended. */
export interface OutputSource {
  stdout: Readable | null | undefined;
  stderr: Readable | null | undefined;
}

/** Options of {@link RunOutputWriter} and `openRunOutput`. */
export interface RunOutputWriterOptions {
  /** Output name: `output/<name>` and `output/<name>.index` (default `40_run`). */
  name?: string | undefined;
  /** Called with `(stream, lineBytes)` for each line, LF included; stream 0 stdout, 1 stderr. */
  onOutput?: OutputCallback | undefined;
  /**
   * Called with `(stream, pieces)` once per chunk read from a pipe: all the
   * lines it completed, LFs included, in one or two pieces (see
   * {@link OutputChunkCallback}). Cheaper than `onOutput` for many short
   * lines, e.g. to echo output with one call per chunk. Can be given with
   * `onOutput`; each gets every byte once.
   */
  onOutputChunk?: OutputChunkCallback | undefined;
  /**
   * Reports an `onOutput` or `onOutputChunk` that threw (once; the callback is then dropped).
   * Default: `process.emitWarning` with code `GAGE_OUTPUT_CALLBACK`.
   */
  onCallbackError?: ((err: unknown) => void) | undefined;
  /** Called once when the writer closed. */
  onClose?: (() => void) | undefined;
  /** Bytes a line may grow to before it is written ahead of its LF (default 1 MiB). */
  maxPendingLine?: number | undefined;
  /**
   * Scans every complete line of both streams for scalars (decision 20) as
   * it is captured; closed with the writer. A failing scan stops the
   * scanning (reported like a failing callback), never the capture.
   */
  scalars?: ScalarCapture | undefined;
}

/**
 * Captures the stdout and stderr of a process into `output/<name>` (the raw
 * bytes) and `output/<name>.index` (one 9-byte record per line), per
 * docs/spec/lifecycle.md 9. Writes are synchronous, so a concurrent reader sees each
 * line as soon as it arrived.
 *
 * @example
 * ```ts
 * const writer = new RunOutputWriter(run, { name: '40_run' });
 * writer.open(proc);           // proc: { stdout, stderr }
 * await writer.waitAndClose();
 * ```
 */
export class RunOutputWriter {
  /** The output name (`40_run`, `10_sourcecode`, ...). */
  readonly name: string;
  /** Path of the output file. */
  readonly outputPath: string;
  /** Path of the index file. */
  readonly indexPath: string;
  readonly #options: RunOutputWriterOptions;
  #sink: OutputSink | undefined;
  #done: Promise<void> | undefined;
  #finish: (() => void) | undefined;
  #error: unknown;
  #closed = true;
  #detach: (() => void) | undefined;
  /** Backpressure from the chunk callback: both pipes pause until every promise it returned settled. */
  readonly #holds = new ReadHolds(() => this.#closed);

  constructor(run: Run, options: RunOutputWriterOptions = {}) {
    this.name = options.name ?? '40_run';
    this.outputPath = join(run.metaDir, 'output', this.name);
    this.indexPath = `${this.outputPath}.index`;
    this.#options = options;
  }

  /** True before `open` and after the writer closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Creates (or truncates) both files and starts reading both pipes.
   *
   * @param proc The process whose `stdout` and `stderr` to capture.
   * @example
   * ```ts
   * new RunOutputWriter(run).open(await startRun(run));
   * ```
   */
  open(proc: OutputSource): void {
    if (this.#sink) throw new Error(`Output "${this.name}" is already open`);
    mkdirSync(join(this.outputPath, '..'), { recursive: true });
    const onCallbackError = this.#options.onCallbackError ?? ((err: unknown) => {
      process.emitWarning(`Output callback for "${this.name}" failed and was dropped: ${String(err)}`, {
        code: 'GAGE_OUTPUT_CALLBACK',
      });
    });
    const sink = new OutputSink(this.outputPath, this.indexPath, {
      onOutput: this.#options.onOutput,
      onOutputChunk: withScalars(this.#options.scalars, this.#options.onOutputChunk, onCallbackError),
      maxPendingLine: this.#options.maxPendingLine,
      onCallbackError,
    });
    this.#sink = sink;
    this.#closed = false;
    let open = 0;
    const detachers: (() => void)[] = [];
    this.#done = new Promise<void>((resolve) => {
      this.#finish = resolve;
    });
    const attach = (stream: Readable | null | undefined, code: number): void => {
      if (!stream) return;
      open++;
      let ended = false;
      const onData = (chunk: Buffer | string): void => {
        try {
          const wait = sink.write(code, typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
          if (wait) this.#holds.hold(wait);
          // Node resumes a child's pipes when the child exits (a grandchild may still write to them),
          // undoing the pause of a hold that is still outstanding: pause again.
          else if (this.#holds.held) stream.pause();
        } catch (err) {
          this.#fail(err);
        }
        noteBytesRead(chunk.length);
      };
      const onEnd = (): void => {
        if (ended) return;
        ended = true;
        detach();
        try {
          sink.end(code);
        } catch (err) {
          this.#fail(err);
        }
        if (--open === 0) this.#finish?.();
      };
      const detach = (): void => {
        stream.off('data', onData);
        stream.off('end', onEnd);
        stream.off('close', onEnd);
        stream.off('error', onEnd);
      };
      detachers.push(() => {
        detach();
        stream.destroy();
      });
      this.#holds.add(stream);
      stream.on('data', onData);
      stream.once('end', onEnd);
      stream.once('close', onEnd);
      stream.once('error', onEnd);
    };
    attach(proc.stdout, STDOUT);
    attach(proc.stderr, STDERR);
    this.#detach = () => detachers.forEach((d) => d());
    if (open === 0) this.#finish?.();
  }

  /**
   * Resolves once both pipes reached their end and both files are closed.
   * With `timeoutMs`, stops waiting after that long (a grandchild may keep a
   * pipe open after the process exited): reading stops, what was received is
   * written, and the files are closed. Time in which reading waited for the
   * chunk callback (backpressure) does not count: what the pipes hold is read
   * however slow the consumer is.
   *
   * @param timeoutMs Longest wait for the pipes to end, in milliseconds of reading.
   * @throws the write error when writing the output failed.
   * @example
   * ```ts
   * await writer.waitAndClose(5000);
   * ```
   */
  async waitAndClose(timeoutMs?: number): Promise<void> {
    if (!this.#sink) return;
    if (this.#done) await (timeoutMs === undefined ? this.#done : this.#holds.waitReading(this.#done, timeoutMs));
    this.#close();
    if (this.#error !== undefined) throw this.#error;
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#detach?.();
    try {
      this.#sink?.close();
    } catch (err) {
      this.#error ??= err;
    }
    try {
      this.#options.scalars?.close();
    } catch (err) {
      this.#error ??= err;
    }
    this.#options.onClose?.();
  }

  #fail(err: unknown): void {
    this.#error ??= err;
    this.#close();
    this.#finish?.();
  }
}

/**
 * The chunk callback that feeds `scalars` and then the caller's callback.
 * Each side fails on its own: a failing scan stops the scanning, a failing
 * caller's callback is dropped (as the sink drops it), and the other goes on.
 */
function withScalars(
  scalars: ScalarCapture | undefined,
  callback: OutputChunkCallback | undefined,
  onError: (err: unknown) => void,
): OutputChunkCallback | undefined {
  if (!scalars) return callback;
  let scanning = true;
  let user = callback;
  return (stream, pieces) => {
    if (scanning) {
      try {
        scalars.chunk(pieces, Date.now());
      } catch (err) {
        scanning = false;
        onError(err);
      }
    }
    if (!user) return undefined;
    const current = user;
    try {
      const result = current(stream, pieces);
      if (result === undefined || typeof result.then !== 'function') return undefined;
      return Promise.resolve(result).then(undefined, (err: unknown) => {
        if (user === current) user = undefined;
        onError(err);
      });
    } catch (err) {
      user = undefined;
      onError(err);
      return undefined;
    }
  };
}
