import { RecordWriter } from './_record-writer.js';
import { jsonNumber, scalarValue } from './_scalar-json-number.js';

/**
 * The default scalar pattern of decision 20 (docs/spec/wave2.md), scanned on
 * the captured bytes and written straight into `scalars` records, so a
 * million scalar lines cost no string per line:
 *
 * - a line made only of `key: value` or `key=value` pairs with numeric values,
 *   separated by spaces, tabs, `,`, `;` or `|` (`loss: 0.25 acc=0.9`,
 *   `train/loss=0.3, lr=1e-3`);
 * - or a line that starts with `step N` followed by such pairs or by
 *   `key value` pairs (`step 3 loss 0.25 acc 0.9`).
 *
 * A key starts with an ASCII letter or `_` and holds letters, digits, `_ . /
 * -` (not last); a value is a decimal number (`+`/`-`, `.5`, `5.`,
 * exponents), `nan`, `inf` or `infinity`. Anything else on the line (a word
 * with no value, `3/10`, `95%`, `1.2.3`, a time `12:30:45`, a date) makes it
 * no scalar line, so ordinary log lines never give keys. `step` (any case)
 * is the step, not a value.
 */
export class ScalarByteScanner {
  /**
   * Known keys, by id: their bytes, text, record prefix, value count, and
   * where their last value of the current chunk sits in the records
   * (`lastStart`, `lastEnd`), `touched` being the chunk's serial.
   */
  readonly #keys: ScannedKey[] = [];
  /** Ids of the keys with a value in the current chunk, in order of their first value there. */
  readonly #touched: number[] = [];
  #chunk = 0;
  /** Ids of the keys of the last scalar line, by position (lines usually repeat their keys). */
  readonly #lastIds: number[] = [];
  #lastCount = 0;
  /** Key ids and value spans of the line being scanned. */
  #ids: number[] = [];
  #valueStarts: number[] = [];
  #valueEnds: number[] = [];
  #valueJson: boolean[] = [];
  #count = 0;
  #lineStep = -1;
  /** The last step seen, or -1. */
  step = -1;

  /**
   * Scans the lines of `bytes` (complete lines, LF-terminated but for a
   * last one without LF) and appends a record per value to `out`.
   */
  scanLines(bytes: Uint8Array, time: number, out: RecordWriter): void {
    this.#chunk++;
    this.#touched.length = 0;
    const tail = Buffer.from(`,"t":${time}}\n`);
    let start = 0;
    const n = bytes.length;
    while (start < n) {
      const end = this.#scanLine(bytes, start, n);
      if (end < 0) {
        // No scalar line: skip to its end.
        let i = -end - 1;
        while (i < n && bytes[i] !== 0x0a) i++;
        start = i + 1;
      } else {
        this.#emit(bytes, out, tail);
        start = end + 1;
      }
    }
  }

  /** The keys of this scanner's records, in order of first appearance. */
  get keys(): readonly string[] {
    return this.#keys.map((k) => k.text);
  }

  /**
   * Sets in `last` the last value of each key of the records the last
   * `scanLines` wrote to `out` (call it once they are stored): the value as
   * its record holds it, read back as `parseScalarLine` reads it.
   */
  collectLast(out: RecordWriter, last: Map<string, number>): void {
    const view = out.view();
    for (const id of this.#touched) {
      const key = this.#keys[id] as ScannedKey;
      last.set(key.text, scalarValue(view.toString('latin1', key.lastStart, key.lastEnd)));
    }
  }

  #emit(bytes: Uint8Array, out: RecordWriter, tail: Buffer): void {
    if (this.#lineStep >= 0) this.step = this.#lineStep;
    const last = this.#lastIds;
    for (let k = 0; k < this.#count; k++) {
      const id = this.#ids[k] as number;
      last[k] = id;
      const key = this.#keys[id] as ScannedKey;
      const step = this.#lineStep >= 0 ? this.#lineStep : this.step >= 0 ? this.step : key.count;
      key.count++;
      const vs = this.#valueStarts[k] as number;
      const ve = this.#valueEnds[k] as number;
      if (this.#valueJson[k]) out.record(key.prefix, step, bytes, vs, ve, tail);
      else out.record(key.prefix, step, Buffer.from(jsonNumber(Buffer.from(bytes.buffer, bytes.byteOffset + vs, ve - vs).toString('latin1'))), -1, -1, tail);
      key.lastStart = out.valueStart;
      key.lastEnd = out.valueEnd;
      if (key.touched !== this.#chunk) {
        key.touched = this.#chunk;
        this.#touched.push(id);
      }
    }
    this.#lastCount = this.#count;
  }

  /**
   * Scans the line starting at `start` (up to LF or `n`). A scalar line gives
   * the offset of its LF (or `n`), its values then in the fields; any other
   * line gives `-(i + 1)` for an offset `i` inside it from where its end is
   * searched.
   */
  #scanLine(b: Uint8Array, start: number, n: number): number {
    this.#count = 0;
    this.#lineStep = -1;
    let i = skipSeparators(b, start, n);
    if (i === n || b[i] === 0x0a || b[i] === 0x0d) return -(i + 1);
    const stepFirst = startsWithStep(b, i, n);
    while (i < n) {
      const keyStart = i;
      let c = b[i] as number;
      if (!(isLetter(c) || c === 0x5f)) return -(i + 1);
      i++;
      while (i < n && isKeyChar(b[i] as number)) i++;
      c = b[i - 1] as number;
      if (c === 0x2e || c === 0x2d) return -(i + 1); // a key ending in `.` or `-`
      const keyEnd = i;
      while (i < n && isBlank(b[i] as number)) i++;
      c = i < n ? (b[i] as number) : -1;
      if (c === 0x3a || c === 0x3d) {
        i++;
        while (i < n && isBlank(b[i] as number)) i++;
      } else if (!stepFirst || i === keyEnd) {
        return -(i + 1); // `key value` pairs only after a leading `step N`, and never without a space
      }
      const valueStart = i;
      const numEnd = scanNumber(b, i, n);
      if (numEnd < 0) return -(i + 1);
      if (numEnd < n && !isSeparator(b[numEnd] as number) && !isLineEnd(b, numEnd, n)) return -(numEnd + 1);
      i = skipSeparators(b, numEnd, n);
      if (keyEnd - keyStart === 4 && isStepWord(b, keyStart)) {
        const step = parseStep(b, valueStart, numEnd);
        if (step < 0) return -(i + 1);
        this.#lineStep = step;
      } else {
        const k = this.#count++;
        this.#ids[k] = this.#keyId(b, keyStart, keyEnd, k);
        this.#valueStarts[k] = valueStart;
        this.#valueEnds[k] = numEnd;
        this.#valueJson[k] = NUMBER_IS_JSON;
      }
      if (i === n) return n;
      if (b[i] === 0x0a) return i;
      if (b[i] === 0x0d && (i + 1 === n || b[i + 1] === 0x0a)) return i + 1 === n ? n : i + 1;
    }
    return n;
  }

  /** The id of the key `b[start, end)`: first the key at the same place in the last line, then any known key, else a new one. */
  #keyId(b: Uint8Array, start: number, end: number, position: number): number {
    const guess = position < this.#lastCount ? this.#lastIds[position] : undefined;
    if (guess !== undefined && sameBytes((this.#keys[guess] as { bytes: Buffer }).bytes, b, start, end)) return guess;
    for (let id = 0; id < this.#keys.length; id++) {
      if (sameBytes((this.#keys[id] as { bytes: Buffer }).bytes, b, start, end)) return id;
    }
    const bytes = Buffer.from(b.subarray(start, end));
    const text = bytes.toString('latin1'); // keys are ASCII
    this.#keys.push({ bytes, text, prefix: Buffer.from(`{"k":${JSON.stringify(text)},"s":`), count: 0, lastStart: 0, lastEnd: 0, touched: 0 });
    return this.#keys.length - 1;
  }
}

interface ScannedKey {
  bytes: Buffer;
  text: string;
  prefix: Buffer;
  count: number;
  lastStart: number;
  lastEnd: number;
  touched: number;
}

/** Set by `scanNumber`: the number's text is a JSON number as it stands (no `+`, no bare `.`, no leading zeros, no word). */
let NUMBER_IS_JSON = false;

/** `b[i]` ends the line: LF, or CR before LF or the end. */
function isLineEnd(b: Uint8Array, i: number, n: number): boolean {
  const c = b[i];
  return c === 0x0a || (c === 0x0d && (i + 1 === n || b[i + 1] === 0x0a));
}

function sameBytes(key: Buffer, b: Uint8Array, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== b[start + i]) return false;
  return true;
}

function isStepWord(b: Uint8Array, i: number): boolean {
  return ((b[i] as number) | 0x20) === 0x73 && ((b[i + 1] as number) | 0x20) === 0x74 && ((b[i + 2] as number) | 0x20) === 0x65 &&
    ((b[i + 3] as number) | 0x20) === 0x70;
}

/** `step` (any case), blanks, an unsigned integer, then the end or a separator. */
function startsWithStep(b: Uint8Array, i: number, end: number): boolean {
  if (end - i < 6 || !isStepWord(b, i)) return false;
  let j = i + 4;
  if (!isBlank(b[j] as number)) return false;
  while (j < end && isBlank(b[j] as number)) j++;
  if (b[j] === 0x2b) j++;
  const digits = j;
  while (j < end && isDigit(b[j] as number)) j++;
  return j > digits && (j === end || isSeparator(b[j] as number));
}

/** The step value of `b[start, end)`: an unsigned integer, else -1. */
function parseStep(b: Uint8Array, start: number, end: number): number {
  let i = start;
  if (b[i] === 0x2b) i++;
  if (i === end) return -1;
  let v = 0;
  for (; i < end; i++) {
    const c = b[i] as number;
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 0x30);
    if (v > Number.MAX_SAFE_INTEGER) return -1;
  }
  return v;
}

const WORDS = ['infinity', 'inf', 'nan'].map((w) => Buffer.from(w));

/** End of a number starting at `i`, or -1; sets `NUMBER_IS_JSON`. */
function scanNumber(b: Uint8Array, i: number, end: number): number {
  NUMBER_IS_JSON = false;
  let j = i;
  let json = true;
  let c = b[j];
  if (c === 0x2b) {
    json = false;
    c = b[++j];
  } else if (c === 0x2d) {
    c = b[++j];
  }
  if (c === 0x69 || c === 0x49 || c === 0x6e || c === 0x4e) {
    for (const w of WORDS) {
      if (j + w.length > end) continue;
      let k = 0;
      while (k < w.length && ((b[j + k] as number) | 0x20) === w[k]) k++;
      if (k === w.length) return j + w.length;
    }
    return -1;
  }
  const intStart = j;
  while (j < end && isDigit(b[j] as number)) j++;
  const intDigits = j - intStart;
  if (intDigits > 1 && b[intStart] === 0x30) json = false;
  let fracDigits = 0;
  if (j < end && b[j] === 0x2e) {
    j++;
    const fracStart = j;
    while (j < end && isDigit(b[j] as number)) j++;
    fracDigits = j - fracStart;
    if (intDigits === 0 || fracDigits === 0) json = false;
  }
  if (intDigits + fracDigits === 0) return -1;
  c = b[j];
  if (j < end && (c === 0x65 || c === 0x45)) {
    let k = j + 1;
    if (b[k] === 0x2b || b[k] === 0x2d) k++;
    const expStart = k;
    while (k < end && isDigit(b[k] as number)) k++;
    if (k === expStart) return -1;
    j = k;
  }
  NUMBER_IS_JSON = json;
  return j;
}

function skipSeparators(b: Uint8Array, i: number, end: number): number {
  while (i < end && isSeparator(b[i] as number)) i++;
  return i;
}

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x2c || c === 0x3b || c === 0x7c;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isKeyChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2e || c === 0x2f || c === 0x2d;
}
