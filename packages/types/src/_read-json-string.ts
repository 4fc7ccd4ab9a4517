// Strings and error positions of the JSON reader (_json-reader.ts).
import { JsonSyntaxError } from './json-syntax-error.js';

/** Characters of a string body that need no attention: all but `"`, `\` and control characters. */
const PLAIN = /[^"\\\x00-\x1f]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The JSON string whose opening quote is at `start` in `s`, and the offset
 * after its closing quote. `base` is where the text starts, for positions
 * in errors (see {@link jsonSyntaxError}).
 *
 * @throws {JsonSyntaxError} `Unterminated string starting at`, `Invalid control character at`, `Invalid \escape`, `Invalid \uXXXX escape`.
 * @example
 * ```ts
 * readJsonString('["a\\u00e9"]', 1, 0); // ['aé', 10]
 * ```
 */
export function readJsonString(s: string, start: number, base: number): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    PLAIN.lastIndex = i;
    PLAIN.test(s);
    const j = PLAIN.lastIndex;
    const c = s.charCodeAt(j);
    if (c === 0x22) return [out + s.slice(i, j), j + 1];
    out += s.slice(i, j);
    if (j >= s.length) throw jsonSyntaxError(s, base, 'Unterminated string starting at', start);
    if (c !== 0x5c) throw jsonSyntaxError(s, base, 'Invalid control character at', j);
    const e = s[j + 1];
    if (e === undefined) throw jsonSyntaxError(s, base, 'Unterminated string starting at', start);
    if (e === 'u') {
      const [chars, next] = unicodeEscape(s, j, base);
      out += chars;
      i = next;
      continue;
    }
    const mapped = ESCAPES[e];
    if (mapped === undefined) throw jsonSyntaxError(s, base, 'Invalid \\escape', j);
    out += mapped;
    i = j + 2;
  }
}

/** The character(s) of the `\uXXXX` at `j` (a surrogate pair when two escapes make one) and the offset after them. */
function unicodeEscape(s: string, j: number, base: number): [string, number] {
  const hex = s.slice(j + 2, j + 6);
  if (!HEX4.test(hex)) throw jsonSyntaxError(s, base, 'Invalid \\uXXXX escape', j + 1);
  const code = parseInt(hex, 16);
  if (code >= 0xd800 && code <= 0xdbff && s.startsWith('\\u', j + 6)) {
    const low = s.slice(j + 8, j + 12);
    if (HEX4.test(low)) {
      const lc = parseInt(low, 16);
      if (lc >= 0xdc00 && lc <= 0xdfff) return [String.fromCharCode(code, lc), j + 12];
    }
  }
  return [String.fromCharCode(code), j + 6];
}

/**
 * The error `reason` at offset `pos` of `s`, placed as Python places it:
 * line, column and offset in code points, counted from `base`.
 *
 * @example
 * ```ts
 * jsonSyntaxError('{\n  "a": x}', 0, 'Expecting value', 9).message; // 'Expecting value: line 2 column 8 (char 9)'
 * ```
 */
export function jsonSyntaxError(s: string, base: number, reason: string, pos: number): JsonSyntaxError {
  const before = s.slice(base, pos);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return new JsonSyntaxError(reason, line, column, [...before].length);
}
