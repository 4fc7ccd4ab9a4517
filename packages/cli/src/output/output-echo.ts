import type { OutStream } from '../io.js';
import type { StatusLine } from './status-line.js';

/**
 * Echoes run output lines to the terminal in batches. Output capture calls
 * back once per line; writing each line on its own costs one system call a
 * line (a million for a million lines), so lines are queued and written
 * together once the current chunk of output has been handled (the next
 * `setImmediate`). Consecutive lines of one stream become one write, and
 * the order of the two streams is kept.
 *
 * @example
 * ```ts
 * const echo = new OutputEcho(status, io.stdout, io.stderr);
 * await execRun(run, { onOutput: echo.line });
 * echo.flush();
 * ```
 */
export class OutputEcho {
  readonly #status: StatusLine;
  readonly #streams: readonly [OutStream, OutStream];
  #pending: Uint8Array[] = [];
  #pendingStream = 0;
  #scheduled: ReturnType<typeof setImmediate> | undefined;

  constructor(status: StatusLine, stdout: OutStream, stderr: OutStream) {
    this.#status = status;
    this.#streams = [stdout, stderr];
  }

  /** The output callback: queues `line` of `stream` (0 stdout, 1 stderr). */
  readonly line = (stream: number, line: Uint8Array): void => {
    const s = stream === 1 ? 1 : 0;
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
    this.#status.write(this.#streams[this.#pendingStream] as OutStream, data);
  }
}
