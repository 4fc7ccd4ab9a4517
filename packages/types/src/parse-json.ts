import { JsonSyntaxError } from './json-syntax-error.js';
import type { JsonObject, JsonValue } from './json-value.js';

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Read integers as `bigint` and keep every `number` a float (config values). */
  bigint?: boolean;
}

/**
 * Strict JSON reader whose errors match Python's `json.loads` (stage.md 1.3),
 * and that can keep integers and floats apart (decision 6). Like Python it
 * accepts `NaN`, `Infinity` and `-Infinity`; duplicate keys: last wins.
 *
 * @throws {JsonSyntaxError} e.g. `Expecting value: line 1 column 1 (char 0)`.
 * @example
 * ```ts
 * parseJson('{"lr": 1.0, "epochs": 3}', { bigint: true }); // { lr: 1, epochs: 3n }
 * ```
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): JsonValue {
  const p = new Parser(text, options.bigint ?? false);
  const start = p.ws(0);
  const [value, end] = p.value(start);
  const rest = p.ws(end);
  if (rest !== text.length) throw p.error('Extra data', rest);
  return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  readonly s: string;
  readonly bigint: boolean;

  constructor(s: string, bigint: boolean) {
    this.s = s;
    this.bigint = bigint;
  }

  ws(i: number): number {
    const s = this.s;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
    return i;
  }

  error(reason: string, pos: number): JsonSyntaxError {
    const before = this.s.slice(0, pos);
    const line = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const column = [...this.s.slice(lineStart, pos)].length + 1;
    return new JsonSyntaxError(reason, line, column, [...before].length);
  }

  value(i: number): [JsonValue, number] {
    const s = this.s;
    const c = s[i];
    if (c === '"') return this.string(i);
    if (c === '{') return this.object(i);
    if (c === '[') return this.array(i);
    if (c === 'n' && s.startsWith('null', i)) return [null, i + 4];
    if (c === 't' && s.startsWith('true', i)) return [true, i + 4];
    if (c === 'f' && s.startsWith('false', i)) return [false, i + 5];
    if (c === 'N' && s.startsWith('NaN', i)) return [NaN, i + 3];
    if (c === 'I' && s.startsWith('Infinity', i)) return [Infinity, i + 8];
    if (c === '-' && s.startsWith('-Infinity', i)) return [-Infinity, i + 9];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m) {
      const isFloat = m[1] !== undefined || m[2] !== undefined;
      const v = !isFloat && this.bigint ? BigInt(m[0]) : Number(m[0]);
      return [v, i + m[0].length];
    }
    throw this.error('Expecting value', i);
  }

  string(start: number): [string, number] {
    const s = this.s;
    let out = '';
    let i = start + 1;
    for (;;) {
      let j = i;
      while (j < s.length) {
        const c = s.charCodeAt(j);
        if (c === 0x22 || c === 0x5c || c < 0x20) break;
        j++;
      }
      out += s.slice(i, j);
      if (j >= s.length) throw this.error('Unterminated string starting at', start);
      const c = s[j] as string;
      if (c === '"') return [out, j + 1];
      if (c !== '\\') throw this.error('Invalid control character at', j);
      const e = s[j + 1];
      if (e === undefined) throw this.error('Unterminated string starting at', start);
      if (e === 'u') {
        const [cp, next] = this.unicodeEscape(j);
        out += cp;
        i = next;
        continue;
      }
      const mapped = ESCAPES[e];
      if (mapped === undefined) throw this.error('Invalid \\escape', j);
      out += mapped;
      i = j + 2;
    }
  }

  unicodeEscape(j: number): [string, number] {
    const hex = this.s.slice(j + 2, j + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error('Invalid \\uXXXX escape', j + 1);
    const code = parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdbff && this.s.startsWith('\\u', j + 6)) {
      const low = this.s.slice(j + 8, j + 12);
      if (/^[0-9a-fA-F]{4}$/.test(low)) {
        const lc = parseInt(low, 16);
        if (lc >= 0xdc00 && lc <= 0xdfff) return [String.fromCharCode(code, lc), j + 12];
      }
    }
    return [String.fromCharCode(code), j + 6];
  }

  object(start: number): [JsonObject, number] {
    const s = this.s;
    const obj: JsonObject = {};
    let i = this.ws(start + 1);
    if (s[i] === '}') return [obj, i + 1];
    for (;;) {
      if (s[i] !== '"') throw this.error('Expecting property name enclosed in double quotes', i);
      const [key, afterKey] = this.string(i);
      i = this.ws(afterKey);
      if (s[i] !== ':') throw this.error("Expecting ':' delimiter", i);
      i = this.ws(i + 1);
      const [value, afterValue] = this.value(i);
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      i = this.ws(afterValue);
      if (s[i] === '}') return [obj, i + 1];
      if (s[i] !== ',') throw this.error("Expecting ',' delimiter", i);
      i = this.ws(i + 1);
    }
  }

  array(start: number): [JsonValue[], number] {
    const s = this.s;
    const arr: JsonValue[] = [];
    let i = this.ws(start + 1);
    if (s[i] === ']') return [arr, i + 1];
    for (;;) {
      const [value, after] = this.value(i);
      arr.push(value);
      i = this.ws(after);
      if (s[i] === ']') return [arr, i + 1];
      if (s[i] !== ',') throw this.error("Expecting ',' delimiter", i);
      i = this.ws(i + 1);
    }
  }
}
