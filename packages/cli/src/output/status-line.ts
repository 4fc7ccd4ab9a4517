import type { OutStream } from '../io.js';
import { escapeControl } from './escape-control.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** What shows a run's phase and writes above it: a {@link StatusLine}, or a view of one shared by several runs. */
export interface StatusDisplay {
  /** Shows `text` as the current phase. */
  set(text: string): void;
  /** Writes `data` to `stream` above the line; false when the stream could not take all of it yet. */
  write(stream: OutStream, data: string | Uint8Array | readonly Uint8Array[]): boolean;
  /** Removes the line. */
  stop(): void;
  /** Put before every text `set` shows (`Batch run 2 of 5 · `). */
  prefix: string;
}

/**
 * A transient spinner line on a TTY (docs/spec/cli.md 5.1): shows the current phase,
 * and is cleared before each batch of output is echoed above it. Disabled
 * (every method a no-op) when `enabled` is false.
 *
 * @example
 * ```ts
 * const status = new StatusLine(process.stderr, true);
 * status.set('Staging source code');
 * status.stop();
 * ```
 */
export class StatusLine implements StatusDisplay {
  readonly #out: OutStream;
  readonly #enabled: boolean;
  #text = '';
  #frame = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Put before every text `set` shows (`Batch run 2 of 5 · `). */
  prefix = '';

  constructor(out: OutStream, enabled: boolean) {
    this.#out = out;
    this.#enabled = enabled;
  }

  /** Shows `text` with a spinner (control characters escaped: it names the operation). */
  set(text: string): void {
    if (!this.#enabled) return;
    this.#text = escapeControl(this.prefix + text);
    this.#draw();
    if (!this.#timer) {
      this.#timer = setInterval(() => this.#draw(), 80);
      this.#timer.unref();
    }
  }

  /**
   * Writes `data` (or each of several pieces, in order) to `stream` above the
   * status line: one clear before and one redraw after, however many lines
   * the data holds.
   *
   * @returns false when `stream.write` returned false for any of it (the
   *   stream holds data it could not pass on yet), else true.
   */
  write(stream: OutStream, data: string | Uint8Array | readonly Uint8Array[]): boolean {
    this.#clear();
    let ok = true;
    if (typeof data === 'string' || data instanceof Uint8Array) {
      ok = stream.write(data) !== false;
    } else {
      for (const piece of data) if (stream.write(piece) === false) ok = false;
    }
    if (this.#text) this.#draw();
    return ok;
  }

  /**
   * A view for one of several runs that share this line (`gage run --start`
   * of several runs, docs/spec/cli.md 5.1): it writes above the line, and its
   * `set` and `stop` do nothing, so that the owner alone decides what the
   * line shows.
   */
  writer(): StatusDisplay {
    return { set: () => undefined, stop: () => undefined, write: (stream, data) => this.write(stream, data), prefix: '' };
  }

  /** Removes the line and stops the spinner. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#clear();
    this.#text = '';
  }

  #draw(): void {
    if (!this.#enabled || !this.#text) return;
    this.#frame = (this.#frame + 1) % FRAMES.length;
    this.#out.write(`\r\x1b[2K${FRAMES[this.#frame]} ${this.#text}`);
  }

  #clear(): void {
    if (this.#enabled && this.#text) this.#out.write('\r\x1b[2K');
  }
}
