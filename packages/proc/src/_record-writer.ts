/** The bytes between a record's step and its value. */
const VALUE = Buffer.from(',"v":');

/** Collects record bytes for one write. */
export class RecordWriter {
  #buf = Buffer.allocUnsafe(64 * 1024);
  length = 0;
  /** Where the value of the last `record` sits: `[valueStart, valueEnd)`. */
  valueStart = 0;
  valueEnd = 0;

  bytes(src: Uint8Array): void {
    this.#reserve(src.length);
    this.#buf.set(src, this.length);
    this.length += src.length;
  }

  /**
   * One record `<prefix><step>,"v":<value><tail>`: the value is
   * `value[start, end)`, or all of `value` when `start` is -1. Reserves once
   * and copies byte by byte (cheaper than native calls for these few bytes).
   */
  record(prefix: Uint8Array, step: number, value: Uint8Array, start: number, end: number, tail: Uint8Array): void {
    if (start < 0) {
      start = 0;
      end = value.length;
    }
    if (!Number.isSafeInteger(step) || step < 0) throw new RangeError(`bad step ${step}`);
    let digits = 1;
    for (let v = step; v >= 10; v = Math.floor(v / 10)) digits++;
    this.#reserve(prefix.length + digits + VALUE.length + (end - start) + tail.length);
    const buf = this.#buf;
    let at = this.length;
    for (let i = 0; i < prefix.length; i++) buf[at++] = prefix[i] as number;
    at += digits;
    let v = step;
    for (let d = 1; d <= digits; d++) {
      buf[at - d] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
    for (let i = 0; i < VALUE.length; i++) buf[at++] = VALUE[i] as number;
    this.valueStart = at;
    for (let i = start; i < end; i++) buf[at++] = value[i] as number;
    this.valueEnd = at;
    for (let i = 0; i < tail.length; i++) buf[at++] = tail[i] as number;
    this.length = at;
  }

  ascii(text: string): void {
    this.#reserve(text.length);
    this.length += this.#buf.write(text, this.length, 'latin1');
  }

  /** The bytes collected since the last `reset`. */
  view(): Buffer {
    return this.#buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
    if (this.#buf.length > 4 * 1024 * 1024) this.#buf = Buffer.allocUnsafe(64 * 1024);
  }

  #reserve(more: number): void {
    if (this.length + more <= this.#buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.length + more));
    this.#buf.copy(next, 0, 0, this.length);
    this.#buf = next;
  }
}
