import { closeSync, openSync, writeSync, writevSync } from 'node:fs';

/** Stream codes of `.index` records (docs/spec/lifecycle.md 9). */
export const STDOUT = 0;
export const STDERR = 1;

/** Size of one `.index` record: 8-byte big-endian epoch ms + 1-byte stream code. */
export const RECORD_SIZE = 9;

/**
 * Stream code bit of a length record: a record that describes no line of its
 * own but gives the byte length (in its 8 bytes, big-endian) of the line of
 * the record before it, a line that ends without LF (the last bytes of a
 * stream) and is followed by more output. The writer adds one only then, and
 * with the code `LENGTH_RECORD | stream`; see the README, "Last lines".
 */
export const LENGTH_RECORD = 0x80;

/** Called once per captured line (LF included); see `openRunOutput`. */
export type OutputCallback = (stream: number, line: Uint8Array) => void;

/**
 * Called once per chunk read from a pipe with all the lines (LFs included)
 * that chunk completed, as one or two pieces to be used in order: when the
 * first line began in an earlier chunk, its beginning comes as a piece of its
 * own (this saves copying the chunk to join them). See `openRunOutput`.
 * The last line of a stream without LF comes in a call of its own when the
 * stream ends, and the bytes of a line longer than `maxPendingLine` come
 * early, without LF (like `OutputCallback`'s lines). Every byte captured is
 * passed exactly once, in order within its stream; the pieces are the
 * callback's to keep.
 *
 * Backpressure: a callback that cannot take more for now (e.g. its
 * `stream.write()` returned false) returns a promise; reading from the pipes
 * pauses until it settles. A rejected promise counts as a throw.
 */
export type OutputChunkCallback = (stream: number, pieces: readonly Uint8Array[]) => void | PromiseLike<void>;

/** Default bound of a pending partial line, see {@link OutputSink}. */
const DEFAULT_MAX_PENDING_LINE = 1024 * 1024;

const LF = 0x0a;

interface StreamState {
  /** Bytes of the current line not yet written: `pending[0, pendingLength)`. */
  pending: Buffer;
  pendingLength: number;
  /** Bytes of the current line already written (the line grew past the bound). */
  spilled: number;
}

/**
 * Writes captured bytes to an output file and its `.index`, one chunk at a
 * time, synchronously. Every chunk is handled in one pass: the bytes of all
 * its complete lines go out in one write, their records (which share the
 * chunk's timestamp) in a second one. A line still missing its LF waits in
 * memory; past `maxPendingLine` bytes its bytes are written early ("spilled")
 * and its record follows once the LF (or the end of the stream) arrives.
 * After the writes, `onOutputChunk` gets the chunk's complete lines in one
 * call and `onOutput` gets them one call per line.
 */
export class OutputSink {
  readonly #outFd: number;
  readonly #indexFd: number;
  readonly #states: [StreamState, StreamState] = [newState(), newState()];
  readonly #maxPending: number;
  #onOutput: OutputCallback | undefined;
  #onOutputChunk: OutputChunkCallback | undefined;
  readonly #onCallbackError: (err: unknown) => void;
  #records = Buffer.alloc(RECORD_SIZE * 1024);
  #closed = false;
  /** What the chunk callback asked to wait for during the current `write`. */
  #hold: Promise<void> | undefined;
  /** The stream and length of the last line written if it ended without LF and still needs its length record. */
  #tail: { stream: number; length: number } | undefined;

  constructor(outPath: string, indexPath: string, options: {
    onOutput?: OutputCallback | undefined;
    onOutputChunk?: OutputChunkCallback | undefined;
    onCallbackError: (err: unknown) => void;
    maxPendingLine?: number | undefined;
  }) {
    this.#outFd = openSync(outPath, 'w');
    try {
      this.#indexFd = openSync(indexPath, 'w');
    } catch (err) {
      closeSync(this.#outFd);
      throw err;
    }
    this.#onOutput = options.onOutput;
    this.#onOutputChunk = options.onOutputChunk;
    this.#onCallbackError = options.onCallbackError;
    this.#maxPending = options.maxPendingLine ?? DEFAULT_MAX_PENDING_LINE;
  }

  /**
   * Handles one chunk received on `stream` (0 stdout, 1 stderr).
   *
   * @returns A promise when the chunk callback asked to pause reading until it
   *   settles (it always resolves), otherwise undefined.
   */
  write(stream: number, chunk: Buffer): Promise<void> | undefined {
    this.#hold = undefined;
    this.#write(stream, chunk);
    const hold = this.#hold;
    this.#hold = undefined;
    return hold;
  }

  #write(stream: number, chunk: Buffer): void {
    if (chunk.length === 0) return;
    const state = this.#states[stream === STDERR ? 1 : 0];
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf === -1) {
      this.#addPending(stream, state, chunk);
      return;
    }
    const head = lastLf === chunk.length - 1 ? chunk : chunk.subarray(0, lastLf + 1);
    const count = countLf(head, lastLf);
    this.#flushTail();
    if (state.pendingLength > 0) {
      writeAllv(this.#outFd, [pendingBytes(state), head]);
    } else {
      writeAll(this.#outFd, head);
    }
    this.#writeRecords(stream, count);
    if (this.#onOutputChunk) {
      // `pending` is reused: the callback gets its own copy (at most one line).
      this.#publishChunk(stream, state.pendingLength > 0 ? [Buffer.from(pendingBytes(state)), head] : [head]);
    }
    if (this.#onOutput) this.#publishLines(stream, state, head);
    resetPending(state);
    if (head !== chunk) this.#addPending(stream, state, chunk.subarray(lastLf + 1));
  }

  /**
   * Writes the partial line of `stream` (if any) as a last line with its
   * record. Its length record follows only if more output comes after it.
   */
  end(stream: number): void {
    const state = this.#states[stream === STDERR ? 1 : 0];
    if (state.pendingLength === 0 && state.spilled === 0) return;
    const length = state.spilled + state.pendingLength;
    this.#flushTail();
    if (state.pendingLength > 0) {
      writeAll(this.#outFd, pendingBytes(state));
      this.#publishPending(stream, state);
    }
    this.#writeRecords(stream, 1);
    this.#tail = { stream, length };
    resetPending(state);
  }

  /** Ends both streams and closes both files (idempotent). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.end(STDOUT);
      this.end(STDERR);
    } finally {
      closeSync(this.#outFd);
      closeSync(this.#indexFd);
    }
  }

  #addPending(stream: number, state: StreamState, bytes: Buffer): void {
    const needed = state.pendingLength + bytes.length;
    if (needed > state.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, state.pending.length * 2));
      state.pending.copy(grown, 0, 0, state.pendingLength);
      state.pending = grown;
    }
    bytes.copy(state.pending, state.pendingLength);
    state.pendingLength = needed;
    if (needed <= this.#maxPending) return;
    // Trade-off (README, "Long lines"): memory stays bounded, but a line of the
    // other stream that completes before this one's LF lands inside it.
    this.#flushTail();
    writeAll(this.#outFd, pendingBytes(state));
    this.#publishPending(stream, state);
    const spilled = state.spilled + state.pendingLength;
    resetPending(state);
    state.spilled = spilled;
  }

  /**
   * Before anything more is written: the length record of a last line
   * without LF written before, so that a reader can tell where it ends. It
   * goes to the index before the next bytes go to the output, so a reader
   * that sees those bytes also sees it.
   */
  #flushTail(): void {
    const tail = this.#tail;
    if (!tail) return;
    this.#tail = undefined;
    const record = Buffer.alloc(RECORD_SIZE);
    record.writeUInt32BE(Math.floor(tail.length / 0x1_0000_0000), 0);
    record.writeUInt32BE(tail.length >>> 0, 4);
    record[8] = LENGTH_RECORD | tail.stream;
    writeAll(this.#indexFd, record);
  }

  #writeRecords(stream: number, count: number): void {
    this.#flushTail();
    const size = count * RECORD_SIZE;
    if (this.#records.length < size) this.#records = Buffer.alloc(Math.max(size, this.#records.length * 2));
    const records = this.#records;
    const now = Date.now();
    records.writeUInt32BE(Math.floor(now / 0x1_0000_0000), 0);
    records.writeUInt32BE(now >>> 0, 4);
    records[8] = stream;
    // Every record of a chunk is the same 9 bytes: double the filled prefix.
    for (let filled = RECORD_SIZE; filled < size; filled *= 2) {
      records.copyWithin(filled, 0, Math.min(filled, size - filled));
    }
    writeAll(this.#indexFd, records.subarray(0, size));
  }

  #publishLines(stream: number, state: StreamState, head: Buffer): void {
    let start = 0;
    for (let lf = head.indexOf(LF); lf !== -1; lf = head.indexOf(LF, start)) {
      const line = head.subarray(start, lf + 1);
      this.#publish(stream, start === 0 && state.pendingLength > 0
        ? Buffer.concat([pendingBytes(state), line])
        : line);
      start = lf + 1;
    }
  }

  /** Passes the pending bytes (a last or spilled line part) to both callbacks, each its own copy. */
  #publishPending(stream: number, state: StreamState): void {
    if (this.#onOutputChunk) this.#publishChunk(stream, [Buffer.from(pendingBytes(state))]);
    if (this.#onOutput) this.#publish(stream, Buffer.from(pendingBytes(state)));
  }

  #publishChunk(stream: number, pieces: Uint8Array[]): void {
    const callback = this.#onOutputChunk;
    if (!callback) return;
    let result: void | PromiseLike<void>;
    try {
      result = callback(stream, pieces);
    } catch (err) {
      this.#dropChunkCallback(callback, err);
      return;
    }
    if (result === undefined || typeof result.then !== 'function') return;
    const settled = Promise.resolve(result).then(undefined, (err: unknown) => this.#dropChunkCallback(callback, err));
    this.#hold = this.#hold ? Promise.all([this.#hold, settled]).then(() => undefined) : settled;
  }

  /** Reports a failed chunk callback once, then drops it for the rest of the capture. */
  #dropChunkCallback(callback: OutputChunkCallback, err: unknown): void {
    if (this.#onOutputChunk !== callback) return;
    this.#onOutputChunk = undefined;
    this.#onCallbackError(err);
  }

  #publish(stream: number, line: Uint8Array): void {
    const callback = this.#onOutput;
    if (!callback) return;
    try {
      callback(stream, line);
    } catch (err) {
      this.#onOutput = undefined; // reported once, then dropped for the rest of the capture
      this.#onCallbackError(err);
    }
  }
}

const INITIAL_PENDING = 4096;

function newState(): StreamState {
  return { pending: Buffer.allocUnsafe(INITIAL_PENDING), pendingLength: 0, spilled: 0 };
}

function pendingBytes(state: StreamState): Buffer {
  return state.pending.subarray(0, state.pendingLength);
}

function resetPending(state: StreamState): void {
  state.pendingLength = 0;
  state.spilled = 0;
  // Give back the memory of a long line.
  if (state.pending.length > 64 * 1024) state.pending = Buffer.allocUnsafe(INITIAL_PENDING);
}

function countLf(bytes: Buffer, lastLf: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF); i !== -1 && i <= lastLf; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
}

function writeAllv(fd: number, parts: [Buffer, Buffer]): void {
  const [first, second] = parts;
  const written = writevSync(fd, parts);
  if (written < first.length) {
    writeAll(fd, first.subarray(written));
    writeAll(fd, second);
  } else {
    writeAll(fd, second.subarray(written - first.length));
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
