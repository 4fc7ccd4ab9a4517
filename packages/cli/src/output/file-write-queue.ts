import { fstatSync, writev } from 'node:fs';
import type { OutStream } from '../io.js';

/** Bytes queued (including the write in progress) above which {@link FileWriteQueue.write} asks to wait. */
export const FILE_QUEUE_LIMIT = 4 * 1024 * 1024;

/** Buffers per `writev` call (POSIX guarantees at least 16; Linux allows 1024). */
const MAX_IOV = 1024;

/**
 * The file descriptor of `stream` when it is a regular file (not a TTY, pipe
 * or socket), else undefined.
 *
 * @example
 * ```ts
 * regularFileFd(process.stdout); // 1 for `gage run > log`
 * ```
 */
export function regularFileFd(stream: OutStream): number | undefined {
  const fd = stream.fd;
  if (typeof fd !== 'number' || stream.isTTY === true) return undefined;
  try {
    return fstatSync(fd).isFile() ? fd : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Appends bytes to an open file in order, on libuv's thread pool: one
 * `writev` at a time with everything queued so far, so the thread that queues
 * (the one reading the run's pipes) does not wait for the disk. Node writes
 * to a stdout that is a file synchronously, on the main thread; for a run
 * with hundreds of MB of output that doubled the main thread's write work.
 *
 * `write` returns a promise to wait for once more than {@link FILE_QUEUE_LIMIT}
 * bytes are queued (backpressure); `drain` resolves when everything queued is
 * written. After a failed write the queue reports the error once through
 * `onError` and drops everything, then and later.
 *
 * @example
 * ```ts
 * const queue = new FileWriteQueue(1, (err) => console.error(err));
 * await queue.write([Buffer.from('a\n')]);
 * await queue.drain();
 * ```
 */
export class FileWriteQueue {
  readonly #fd: number;
  readonly #onError: (err: unknown) => void;
  #buffers: Uint8Array[] = [];
  /** Bytes queued, including those of the write in progress. */
  #bytes = 0;
  #writing = false;
  #failed = false;
  #belowLimit: (() => void)[] = [];
  #idle: (() => void)[] = [];

  constructor(fd: number, onError: (err: unknown) => void) {
    this.#fd = fd;
    this.#onError = onError;
  }

  /** Nothing queued and no write in progress. */
  get idle(): boolean {
    return !this.#writing && this.#buffers.length === 0;
  }

  /**
   * Queues `pieces` (kept, not copied: they must not change afterwards).
   *
   * @returns A promise that resolves once the queue is below its limit again,
   *   when it is above it now; otherwise undefined.
   */
  write(pieces: readonly Uint8Array[]): Promise<void> | undefined {
    if (this.#failed) return undefined;
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      this.#buffers.push(piece);
      this.#bytes += piece.length;
    }
    this.#pump();
    if (this.#bytes < FILE_QUEUE_LIMIT) return undefined;
    return new Promise<void>((resolve) => this.#belowLimit.push(resolve));
  }

  /** Resolves when everything queued so far is written (or the queue failed). */
  drain(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  #pump(): void {
    if (this.#writing || this.#buffers.length === 0) return;
    const batch = this.#buffers.length <= MAX_IOV ? this.#buffers : this.#buffers.slice(0, MAX_IOV);
    this.#buffers = batch === this.#buffers ? [] : this.#buffers.slice(MAX_IOV);
    this.#writing = true;
    writev(this.#fd, batch, (err, written) => {
      this.#writing = false;
      if (err) {
        this.#fail(err);
      } else {
        this.#bytes -= written;
        const rest = unwritten(batch, written);
        if (rest.length > 0) this.#buffers = [...rest, ...this.#buffers];
      }
      if (this.#bytes < FILE_QUEUE_LIMIT) this.#belowLimit = resolveAll(this.#belowLimit);
      this.#pump();
      if (this.idle) this.#idle = resolveAll(this.#idle);
    });
  }

  #fail(err: unknown): void {
    this.#failed = true;
    this.#buffers = [];
    this.#bytes = 0;
    this.#onError(err);
  }
}

/** Calls every waiter; returns the new, empty list. */
function resolveAll(waiters: (() => void)[]): (() => void)[] {
  for (const resolve of waiters) resolve();
  return [];
}

/** The parts of `batch` after its first `written` bytes. */
function unwritten(batch: Uint8Array[], written: number): Uint8Array[] {
  let skip = written;
  let i = 0;
  while (i < batch.length && skip >= (batch[i] as Uint8Array).length) {
    skip -= (batch[i] as Uint8Array).length;
    i++;
  }
  if (i === batch.length) return [];
  const rest = batch.slice(i);
  rest[0] = (rest[0] as Uint8Array).subarray(skip);
  return rest;
}
