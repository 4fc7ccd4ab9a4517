import type { OutStream } from '../io.js';
import { StatusLine } from './status-line.js';

/** Cells of the bar. */
const WIDTH = 20;

/**
 * A transient progress line on a TTY for work counted in items (`gage copy`:
 * runs): a spinner, what is done, a bar and `done/total`, drawn on the
 * {@link StatusLine} of stderr and removed by `stop`. Disabled (every
 * method a no-op) when `enabled` is false: on a pipe nothing is written.
 *
 * @example
 * ```ts
 * const progress = new CountProgress(io.stderr, io.stderr.isTTY === true, 'Copying runs');
 * progress.set('Preparing copy');
 * progress.update(1, 3); // ⠙ Copying runs ███████░░░░░░░░░░░░░ 1/3
 * progress.stop();
 * ```
 */
export class CountProgress {
  readonly #line: StatusLine;
  readonly #label: string;

  constructor(out: OutStream, enabled: boolean, label: string) {
    this.#line = new StatusLine(out, enabled);
    this.#label = label;
  }

  /** Shows `text` (a phase before counting starts). */
  set(text: string): void {
    this.#line.set(text);
  }

  /** Shows `done` of `total`. */
  update(done: number, total: number): void {
    const filled = total > 0 ? Math.round((Math.min(done, total) / total) * WIDTH) : 0;
    this.#line.set(`${this.#label} ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${done}/${total}`);
  }

  /** Removes the line. */
  stop(): void {
    this.#line.stop();
  }
}
