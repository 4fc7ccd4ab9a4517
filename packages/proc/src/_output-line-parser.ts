import { LENGTH_RECORD, RECORD_SIZE } from './_output-sink.js';

/** One line of captured output, as the readers yield it. */
export interface OutputLine {
  /** Epoch milliseconds when the line was captured. */
  timestamp: number;
  /** Stream code: 0 stdout, 1 stderr. */
  stream: number;
  /** The line without its LF and one CR before it, decoded as UTF-8 with replacement characters. */
  text: string;
}

/** Options of {@link OutputLineParser.drain}. */
export interface DrainOptions {
  /** Everything of both files was pushed: the last line may end without LF. */
  final?: boolean | undefined;
  /**
   * Everything of the index written so far was pushed, so a record that is
   * not there is not written yet (default: `final`).
   */
  indexEnded?: boolean | undefined;
}

const LF = 0x0a;
const CR = 0x0d;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Pairs the lines of an output file with the records of its `.index`, both
 * fed in pieces as they are read. Record by record: a line ends at its LF,
 * unless the next record is a length record (`LENGTH_RECORD`), which gives
 * the length of a line without LF followed by more output (the last bytes
 * of one stream, then the other's). A line is reported only once its record
 * is there; a last line without LF only when `final`.
 */
export class OutputLineParser {
  /** Output bytes not used yet: `#chunks[0]` from `#offset`, then the other chunks. */
  #chunks: Uint8Array[] = [];
  #offset = 0;
  #available = 0;
  /** Bytes at the head of the output known to hold no LF (saves scanning a long line again). */
  #noLf = 0;
  #index: Uint8Array = new Uint8Array(0);
  #view = new DataView(this.#index.buffer);
  #indexPos = 0;
  #needs: 'index' | 'output' = 'output';
  #outputUsed = 0;
  #indexUsed = 0;

  /** Output bytes of the lines yielded so far: where the next line starts, counted from the first byte pushed. */
  get outputUsed(): number {
    return this.#outputUsed;
  }

  /** Index bytes of the records used so far (a skipped stray length record included), counted the same way. */
  get indexUsed(): number {
    return this.#indexUsed;
  }

  /** What the last {@link drain} stopped for: more index records, or more output. */
  get needs(): 'index' | 'output' {
    return this.#needs;
  }

  /** Bytes of index records not used yet. */
  get indexAvailable(): number {
    return this.#index.length - this.#indexPos;
  }

  /** Adds bytes read from the output file. */
  pushOutput(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#available += chunk.length;
  }

  /** Adds bytes read from the index file. */
  pushIndex(chunk: Uint8Array): void {
    const rest = this.#index.subarray(this.#indexPos);
    this.#index = rest.length === 0 ? chunk : concat([rest, chunk], rest.length + chunk.length);
    this.#view = new DataView(this.#index.buffer, this.#index.byteOffset, this.#index.byteLength);
    this.#indexPos = 0;
  }

  /** Yields every line that can be told now; see {@link DrainOptions}. */
  *drain(options: DrainOptions = {}): Generator<OutputLine> {
    const final = options.final === true;
    const indexEnded = options.indexEnded ?? final;
    for (;;) {
      const pos = this.#indexPos;
      const records = this.indexAvailable;
      if (records < RECORD_SIZE) return this.#stop('index');
      const index = this.#index;
      if ((index[pos + 8] as number) & LENGTH_RECORD) {
        this.#indexPos += RECORD_SIZE; // a length record without a line before it (damaged index): skip it
        this.#indexUsed += RECORD_SIZE;
        continue;
      }
      let length: number;
      let used = RECORD_SIZE;
      const view = this.#view;
      if (records >= 2 * RECORD_SIZE && (index[pos + RECORD_SIZE + 8] as number) & LENGTH_RECORD) {
        length = view.getUint32(pos + RECORD_SIZE) * 0x1_0000_0000 + view.getUint32(pos + RECORD_SIZE + 4);
        used = 2 * RECORD_SIZE;
        if (length > this.#available) {
          if (!final) return this.#stop('output');
          length = this.#available;
        }
      } else {
        // Without the next record it is not known yet whether a length record follows.
        if (records < 2 * RECORD_SIZE && !indexEnded) return this.#stop('index');
        length = this.#lineEnd();
        if (length === -1) {
          if (!final || this.#available === 0) return this.#stop('output');
          length = this.#available;
        }
      }
      const line = this.#take(length);
      this.#indexPos = pos + used;
      this.#outputUsed += length;
      this.#indexUsed += used;
      yield {
        timestamp: view.getUint32(pos) * 0x1_0000_0000 + view.getUint32(pos + 4),
        stream: index[pos + 8] as number,
        text: decodeLine(line),
      };
    }
  }

  #stop(needs: 'index' | 'output'): void {
    this.#needs = needs;
  }

  /** Length of the head line up to and including its LF, or -1 when no LF was pushed yet. */
  #lineEnd(): number {
    const head = this.#chunks[0];
    if (head && this.#noLf === 0) {
      const lf = head.indexOf(LF, this.#offset);
      if (lf !== -1) return lf - this.#offset + 1;
    }
    let before = 0;
    for (let i = 0; i < this.#chunks.length; i++) {
      const chunk = this.#chunks[i] as Uint8Array;
      const start = i === 0 ? this.#offset : 0;
      const size = chunk.length - start;
      if (before + size > this.#noLf) {
        const lf = chunk.indexOf(LF, start + Math.max(0, this.#noLf - before));
        if (lf !== -1) return before + lf - start + 1;
      }
      before += size;
    }
    this.#noLf = before;
    return -1;
  }

  /** Removes and returns the first `length` output bytes. */
  #take(length: number): Uint8Array {
    this.#available -= length;
    this.#noLf = 0;
    const first = this.#chunks[0];
    if (first && first.length - this.#offset >= length) {
      const line = first.subarray(this.#offset, this.#offset + length);
      this.#offset += length;
      if (this.#offset === first.length) this.#dropFirst();
      return line;
    }
    const line = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const chunk = this.#chunks[0] as Uint8Array;
      const n = Math.min(length - filled, chunk.length - this.#offset);
      line.set(chunk.subarray(this.#offset, this.#offset + n), filled);
      filled += n;
      this.#offset += n;
      if (this.#offset === chunk.length) this.#dropFirst();
    }
    return line;
  }

  #dropFirst(): void {
    this.#chunks.shift();
    this.#offset = 0;
  }
}

function decodeLine(line: Uint8Array): string {
  let end = line.length;
  if (end > 0 && line[end - 1] === LF) end--;
  if (end > 0 && line[end - 1] === CR) end--;
  return decoder.decode(line.subarray(0, end));
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
