import type { Readable } from 'node:stream';

/**
 * Backpressure of a capture: while any promise the chunk callback returned
 * is pending, every pipe is paused; {@link waitReading} measures time only
 * while reading goes on.
 */
export class ReadHolds {
  readonly #streams: Readable[] = [];
  readonly #isClosed: () => boolean;
  #count = 0;
  /** Told when reading pauses (true) and goes on (false). */
  #onChange: ((held: boolean) => void) | undefined;

  /** @param isClosed true once the capture closed: its pipes are not resumed any more. */
  constructor(isClosed: () => boolean) {
    this.#isClosed = isClosed;
  }

  /** True while reading waits for the chunk callback. */
  get held(): boolean {
    return this.#count > 0;
  }

  /** Adds a pipe to pause and resume. */
  add(stream: Readable): void {
    this.#streams.push(stream);
  }

  /** Pauses every pipe until `wait` (and every other pending wait) settled. */
  hold(wait: Promise<void>): void {
    if (this.#count++ === 0) {
      for (const s of this.#streams) s.pause();
      this.#onChange?.(true);
    }
    void wait.then(() => {
      if (--this.#count > 0 || this.#isClosed()) return;
      for (const s of this.#streams) s.resume();
      this.#onChange?.(false);
    });
  }

  /** Resolves when `done` does, or after `ms` in which reading was not paused. */
  waitReading(done: Promise<void>, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let left = ms;
      let since = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        this.#onChange = undefined;
        resolve();
      };
      const start = (): void => {
        since = Date.now();
        timer = setTimeout(finish, Math.max(0, left));
      };
      this.#onChange = (held) => {
        if (!held) return start();
        clearTimeout(timer);
        left -= Date.now() - since;
      };
      void done.then(finish);
      if (this.#count === 0) start();
    });
  }
}
