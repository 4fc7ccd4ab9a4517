import { RECORD_SIZE } from './_output-sink.js';

/** One line of captured output, as the readers yield it. */
export interface OutputLine {
  /** Epoch milliseconds when the line was captured. */
  timestamp: number;
  /** Stream code: 0 stdout, 1 stderr. */
  stream: number;
  /** The line without its LF and one CR before it, decoded as UTF-8 with replacement characters. */
  text: string;
}

const LF = 0x0a;
const CR = 0x0d;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Pairs lines of an output file with records of its `.index`, fed in pieces
 * as they are read. A line is reported only once its record is there; the
 * last fragment without LF only when `final` is asked and a record exists.
 */
export class OutputLineParser {
  #lines: Uint8Array[] = [];
  #lineHead = 0;
  #carry: Uint8Array[] = [];
  #carryLength = 0;
  #index: Uint8Array = new Uint8Array(0);
  #indexPos = 0;

  /** Complete lines waiting for their records. */
  get waiting(): number {
    return this.#lines.length - this.#lineHead;
  }

  /** Bytes of index records not used yet. */
  get indexAvailable(): number {
    return this.#index.length - this.#indexPos;
  }

  /** Adds bytes read from the output file. */
  pushOutput(chunk: Uint8Array): void {
    let start = 0;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, lf + 1);
      if (this.#carryLength > 0) {
        this.#lines.push(concat([...this.#carry, piece], this.#carryLength + piece.length));
        this.#carry = [];
        this.#carryLength = 0;
      } else {
        this.#lines.push(piece);
      }
      start = lf + 1;
    }
    if (start < chunk.length) {
      this.#carry.push(chunk.subarray(start));
      this.#carryLength += chunk.length - start;
    }
  }

  /** Adds bytes read from the index file. */
  pushIndex(chunk: Uint8Array): void {
    const rest = this.#index.subarray(this.#indexPos);
    this.#index = rest.length === 0 ? chunk : concat([rest, chunk], rest.length + chunk.length);
    this.#indexPos = 0;
  }

  /** Yields every line that has its record; with `final`, also the last fragment. */
  *drain(final = false): Generator<OutputLine> {
    while (this.#lineHead < this.#lines.length && this.indexAvailable >= RECORD_SIZE) {
      const line = this.#lines[this.#lineHead] as Uint8Array;
      this.#lineHead++;
      yield this.#take(line);
    }
    if (this.#lineHead === this.#lines.length) {
      this.#lines = [];
      this.#lineHead = 0;
      if (final && this.#carryLength > 0 && this.indexAvailable >= RECORD_SIZE) {
        const fragment = concat(this.#carry, this.#carryLength);
        this.#carry = [];
        this.#carryLength = 0;
        yield this.#take(fragment);
      }
    }
  }

  #take(line: Uint8Array): OutputLine {
    const index = this.#index;
    const pos = this.#indexPos;
    const view = new DataView(index.buffer, index.byteOffset + pos, RECORD_SIZE);
    this.#indexPos = pos + RECORD_SIZE;
    return {
      timestamp: view.getUint32(0) * 0x1_0000_0000 + view.getUint32(4),
      stream: view.getUint8(8),
      text: decodeLine(line),
    };
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
