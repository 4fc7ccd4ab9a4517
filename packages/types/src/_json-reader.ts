// The one JSON reader of Gage, behind parseJson and parseJsonSpans: strict
// JSON with Python's extras (NaN, Infinity) and Python's error messages, in
// one pass that builds plain values or records the span of every scalar.
import type { ConfigValue } from './config-value.js';
import type { JsonObject, JsonValue } from './json-value.js';
import type { JsonSpan } from './parse-json.js';
import { jsonSyntaxError, readJsonString } from './_read-json-string.js';

/** A tree of spans: a scalar's span, an object's entries in text order, or an array's items. */
export type JsonSpanTree = JsonSpan | Map<string, JsonSpanTree> | JsonSpanTree[];

/**
 * What the reader builds: plain values (`parseJson`); spans recorded under
 * their flat keys as the text is read (`flat`, see `flatSpans()`), which
 * stops with {@link REPEATED_KEY} at a flat key seen before; or a tree of
 * spans (`tree`, returned by `document()`) to flatten afterwards, for such
 * files.
 */
export type JsonReaderMode = 'values' | 'flat' | 'tree';

/** Thrown in `flat` mode at a flat key seen before (a key repeated in an object, or two paths that flatten alike). */
export const REPEATED_KEY = Symbol('repeated key');

/** `flat` mode: what `spans` holds under the key of an object or array while the text is read. */
const CONTAINER = Symbol('container');

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WS = '[ \\t\\n\\r]*';
/** A scalar without escapes: 1 a number (2 its fraction, 3 its exponent), 4 a string's body, 5 `true`/`false`/`null`. */
const SIMPLE = String.raw`(?:(-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?)|"([^"\\\x00-\x1f]*)"|(true|false|null))`;
/**
 * The common object member, whose key and value are read the same way by
 * this one match as character by character (the slow lane, which also finds
 * every error): 1 the key, 2-6 a simple scalar (as {@link SIMPLE}), 7 the
 * whitespace after it. The tokens are the ones `scalar()` and `string()`
 * accept, so the match ends where they would.
 */
const MEMBER = new RegExp(`${WS}"([^"\\\\\\x00-\\x1f]*)"${WS}:${WS}${SIMPLE}(${WS})`, 'y');
/** The common array item: 1-5 a simple scalar, 6 the whitespace after it. */
const ITEM = new RegExp(`${WS}${SIMPLE}(${WS})`, 'y');

/** Reads one JSON text from `base` (1 after a byte-order mark the caller skips): offsets count from 0, error positions from `base`. */
export class JsonReader {
  readonly s: string;
  readonly mode: JsonReaderMode;
  /** Integers as `bigint` (always in the span modes). */
  readonly bigint: boolean;
  readonly base: number;
  /** `flat` mode: spans by flat key (`a.b`, `l.0`) in text order, and {@link CONTAINER} under the keys of objects and arrays. */
  readonly spans = new Map<string, JsonSpan | typeof CONTAINER>();
  /** `flat` mode: the keys of objects and arrays in `spans`. */
  readonly containers: string[] = [];
  /** The read position. */
  i: number;

  constructor(s: string, mode: JsonReaderMode, options: { bigint: boolean; base: number }) {
    this.s = s;
    this.mode = mode;
    this.bigint = options.bigint || mode !== 'values';
    this.base = options.base;
    this.i = options.base;
  }

  /** The whole text: one value between optional whitespace. */
  document(): unknown {
    this.ws();
    const value = this.value(undefined);
    this.ws();
    if (this.i !== this.s.length) throw this.error('Extra data', this.i);
    return value;
  }

  /** `flat` mode, after `document()`: the spans by flat key. */
  flatSpans(): Map<string, JsonSpan> {
    for (const key of this.containers) this.spans.delete(key);
    return this.spans as Map<string, JsonSpan>;
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

  error(reason: string, pos: number): Error {
    return jsonSyntaxError(this.s, this.base, reason, pos);
  }

  /** A value; `path` is its flat key (undefined at the top level, and in `values` mode). */
  value(path: string | undefined): unknown {
    const c = this.s.charCodeAt(this.i);
    if (c === 0x7b) return this.object(path);
    if (c === 0x5b) return this.array(path);
    const start = this.i;
    return this.leaf(path, start, this.scalar(c));
  }

  /** What a scalar from `start` to the read position gives: the value, or its span (recorded under `path` in `flat` mode). */
  leaf(path: string | undefined, start: number, value: ConfigValue): unknown {
    if (this.mode === 'values') return value;
    const span: JsonSpan = { start, end: this.i, value };
    if (path !== undefined && this.mode === 'flat') this.record(path, span);
    return span;
  }

  record(key: string, entry: JsonSpan | typeof CONTAINER): void {
    const size = this.spans.size;
    this.spans.set(key, entry);
    if (this.spans.size === size) throw REPEATED_KEY;
    if (entry === CONTAINER) this.containers.push(key);
  }

  scalar(c: number): ConfigValue {
    const s = this.s;
    const i = this.i;
    if (c === 0x22) {
      const [value, end] = readJsonString(s, i, this.base);
      this.i = end;
      return value;
    }
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
    return this.number(m[0], m[1] !== undefined || m[2] !== undefined);
  }

  number(text: string, isFloat: boolean): number | bigint {
    return !isFloat && this.bigint ? BigInt(text) : Number(text);
  }

  skip<T>(length: number, value: T): T {
    this.i += length;
    return value;
  }

  /** The simple scalar matched by `m` from group `g` (as {@link SIMPLE}), read up to the whitespace after it (group `g + 5`). */
  simple(m: RegExpExecArray, g: number, path: string | undefined, end: number): unknown {
    const number = m[g];
    const string = m[g + 3];
    const keyword = m[g + 4] as string;
    this.i = end - (m[g + 5] as string).length;
    if (number !== undefined) return this.leaf(path, this.i - number.length, this.number(number, m[g + 1] !== undefined || m[g + 2] !== undefined));
    if (string !== undefined) return this.leaf(path, this.i - string.length - 2, string);
    return this.leaf(path, this.i - keyword.length, keyword === 'null' ? null : keyword === 'true');
  }

  object(path: string | undefined): unknown {
    const s = this.s;
    const mode = this.mode;
    const out = mode === 'values' ? ({} as JsonObject) : mode === 'tree' ? new Map<string, JsonSpanTree>() : undefined;
    if (mode === 'flat' && path !== undefined) this.record(path, CONTAINER);
    const prefix = path === undefined || path === '' ? '' : path + '.';
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 0x7d) return this.skip(1, out);
    for (;;) {
      MEMBER.lastIndex = this.i;
      const m = MEMBER.exec(s);
      let key: string;
      let value: unknown;
      if (m !== null) {
        key = m[1] as string;
        value = this.simple(m, 2, mode === 'values' ? undefined : prefix + key, MEMBER.lastIndex);
        this.i = MEMBER.lastIndex;
      } else {
        this.ws();
        if (s.charCodeAt(this.i) !== 0x22) throw this.error('Expecting property name enclosed in double quotes', this.i);
        const [name, afterKey] = readJsonString(s, this.i, this.base);
        key = name;
        this.i = afterKey;
        this.ws();
        if (s.charCodeAt(this.i) !== 0x3a) throw this.error("Expecting ':' delimiter", this.i);
        this.i++;
        this.ws();
        value = this.value(mode === 'values' ? undefined : prefix + key);
        this.ws();
      }
      if (mode === 'values') {
        // Plain assignment would set the prototype: `__proto__` is an ordinary key here.
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else (out as JsonObject)[key] = value as JsonValue;
      } else if (mode === 'tree') {
        // A repeated key replaces the earlier entry whole and moves to the end.
        (out as Map<string, JsonSpanTree>).delete(key);
        (out as Map<string, JsonSpanTree>).set(key, value as JsonSpanTree);
      }
      const c = s.charCodeAt(this.i);
      if (c === 0x7d) return this.skip(1, out);
      if (c !== 0x2c) throw this.error("Expecting ',' delimiter", this.i);
      this.i++;
    }
  }

  array(path: string | undefined): unknown[] {
    const s = this.s;
    const items: unknown[] = [];
    if (this.mode === 'flat' && path !== undefined) this.record(path, CONTAINER);
    const prefix = path === undefined || path === '' ? '' : path + '.';
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 0x5d) return this.skip(1, items);
    for (let n = 0;; n++) {
      const itemPath = this.mode === 'values' ? undefined : prefix + String(n);
      ITEM.lastIndex = this.i;
      const m = ITEM.exec(s);
      if (m !== null) {
        items.push(this.simple(m, 1, itemPath, ITEM.lastIndex));
        this.i = ITEM.lastIndex;
      } else {
        this.ws();
        items.push(this.value(itemPath));
        this.ws();
      }
      const c = s.charCodeAt(this.i);
      if (c === 0x5d) return this.skip(1, items);
      if (c !== 0x2c) throw this.error("Expecting ',' delimiter", this.i);
      this.i++;
    }
  }
}
