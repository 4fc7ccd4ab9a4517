// The one JSON reader of Gage (parseJson, parseJsonSpans): strict JSON with
// Python's extras and error messages. It builds either plain values or, for
// config files, a tree of scalar spans (`Map` objects keep the key order of
// the text, whatever the keys look like).
import { JsonSyntaxError } from './json-syntax-error.js';
import type { ConfigValue } from './config-value.js';
import type { JsonObject, JsonValue } from './json-value.js';

/** A scalar leaf as the span reader records it: its text range and value (integers as `bigint`). */
export interface JsonSpanNode {
  start: number;
  end: number;
  value: ConfigValue;
}

/** What the span reader builds: a scalar's span, an object's entries in text order, or an array's items. */
export type JsonSpanTree = JsonSpanNode | Map<string, JsonSpanTree> | JsonSpanTree[];

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
/** Characters of a string body that need no attention: all but `"`, `\` and control characters. */
const PLAIN = /[^"\\\x00-\x1f]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Reads one JSON text. `spans` switches from plain values to the span tree;
 * `base` is where the text starts (1 after a skipped byte-order mark):
 * offsets count from 0, error positions from `base`.
 */
export class JsonReader {
  readonly s: string;
  readonly bigint: boolean;
  readonly spans: boolean;
  readonly base: number;
  /** The read position. */
  i: number;

  constructor(s: string, options: { bigint: boolean; spans: boolean; base: number }) {
    this.s = s;
    this.bigint = options.bigint;
    this.spans = options.spans;
    this.base = options.base;
    this.i = options.base;
  }

  /** The whole text: one value between optional whitespace. */
  document(): unknown {
    this.ws();
    const value = this.value();
    this.ws();
    if (this.i !== this.s.length) throw this.error('Extra data', this.i);
    return value;
  }

  ws(): void {
    const s = this.s;
    let i = this.i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.i = i;
  }

  error(reason: string, pos: number): JsonSyntaxError {
    const before = this.s.slice(this.base, pos);
    const line = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const column = [...before.slice(lineStart)].length + 1;
    return new JsonSyntaxError(reason, line, column, [...before].length);
  }

  value(): unknown {
    const c = this.s.charCodeAt(this.i);
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (!this.spans) return this.scalar(c);
    const start = this.i;
    const value = this.scalar(c);
    return { start, end: this.i, value } satisfies JsonSpanNode;
  }

  scalar(c: number): ConfigValue {
    const s = this.s;
    const i = this.i;
    if (c === 0x22) return this.string();
    if (c === 0x6e && s.startsWith('null', i)) return this.skip(4, null);
    if (c === 0x74 && s.startsWith('true', i)) return this.skip(4, true);
    if (c === 0x66 && s.startsWith('false', i)) return this.skip(5, false);
    if (c === 0x4e && s.startsWith('NaN', i)) return this.skip(3, NaN);
    if (c === 0x49 && s.startsWith('Infinity', i)) return this.skip(8, Infinity);
    if (c === 0x2d && s.startsWith('-Infinity', i)) return this.skip(9, -Infinity);
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m === null) throw this.error('Expecting value', i);
    this.i = NUMBER.lastIndex;
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    return !isFloat && this.bigint ? BigInt(m[0]) : Number(m[0]);
  }

  skip<T>(length: number, value: T): T {
    this.i += length;
    return value;
  }

  string(): string {
    const s = this.s;
    const start = this.i;
    let out = '';
    let i = start + 1;
    for (;;) {
      PLAIN.lastIndex = i;
      PLAIN.test(s);
      const j = PLAIN.lastIndex;
      const c = s.charCodeAt(j);
      if (c === 0x22) {
        this.i = j + 1;
        return out === '' ? s.slice(start + 1, j) : out + s.slice(i, j);
      }
      out += s.slice(i, j);
      if (j >= s.length) throw this.error('Unterminated string starting at', start);
      if (c !== 0x5c) throw this.error('Invalid control character at', j);
      const e = s[j + 1];
      if (e === undefined) throw this.error('Unterminated string starting at', start);
      if (e === 'u') {
        out += this.unicodeEscape(j);
        i = this.i;
        continue;
      }
      const mapped = ESCAPES[e];
      if (mapped === undefined) throw this.error('Invalid \\escape', j);
      out += mapped;
      i = j + 2;
    }
  }

  /** The character(s) of `\uXXXX` at `j` (a surrogate pair when two escapes form one); moves past them. */
  unicodeEscape(j: number): string {
    const s = this.s;
    const hex = s.slice(j + 2, j + 6);
    if (!HEX4.test(hex)) throw this.error('Invalid \\uXXXX escape', j + 1);
    const code = parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdbff && s.startsWith('\\u', j + 6)) {
      const low = s.slice(j + 8, j + 12);
      if (HEX4.test(low)) {
        const lc = parseInt(low, 16);
        if (lc >= 0xdc00 && lc <= 0xdfff) {
          this.i = j + 12;
          return String.fromCharCode(code, lc);
        }
      }
    }
    this.i = j + 6;
    return String.fromCharCode(code);
  }

  object(): JsonObject | Map<string, JsonSpanTree> {
    const s = this.s;
    const spans = this.spans;
    const out: JsonObject | Map<string, JsonSpanTree> = spans ? new Map() : {};
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 0x7d) return this.skip(1, out);
    for (;;) {
      if (s.charCodeAt(this.i) !== 0x22) throw this.error('Expecting property name enclosed in double quotes', this.i);
      const key = this.string();
      this.ws();
      if (s.charCodeAt(this.i) !== 0x3a) throw this.error("Expecting ':' delimiter", this.i);
      this.i++;
      this.ws();
      const value = this.value();
      if (spans) {
        // A repeated key replaces the earlier entry whole and moves to the end, as the config formats read it.
        const entries = out as Map<string, JsonSpanTree>;
        entries.delete(key);
        entries.set(key, value as JsonSpanTree);
      } else if (key === '__proto__') {
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      } else {
        (out as JsonObject)[key] = value as JsonValue;
      }
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 0x7d) return this.skip(1, out);
      if (c !== 0x2c) throw this.error("Expecting ',' delimiter", this.i);
      this.i++;
      this.ws();
    }
  }

  array(): unknown[] {
    const s = this.s;
    const arr: unknown[] = [];
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 0x5d) return this.skip(1, arr);
    for (;;) {
      arr.push(this.value());
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 0x5d) return this.skip(1, arr);
      if (c !== 0x2c) throw this.error("Expecting ',' delimiter", this.i);
      this.i++;
      this.ws();
    }
  }
}
