// One strict pass over a JSON config file that validates it and records the
// span of every scalar leaf, for files of objects and arrays without
// duplicate keys. Anything else (an error, a duplicate key, a top-level
// scalar) returns undefined, and the caller takes the full path (parseJson,
// whose errors are Python's, then scanJson), so results and errors stay
// exactly those of that path.
import type { ConfigValue } from '@gage/types';
import type { ScalarSpan } from './_toml-json-yaml-edits.js';

const WS = '[ \\t\\n\\r]*';
const STRING = String.raw`"((?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"`;
/** A value: 1 number (2 fraction, 3 exponent), 4 string body, 5 keyword, 6 an opening bracket. */
const VALUE = String.raw`(?:(-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?)|${STRING}|(true|false|null|NaN|Infinity|-Infinity)|([{[]))`;
/** An object member up to its value: 1 key body, then the value's groups shifted by one. */
const MEMBER = new RegExp(`${WS}${STRING}${WS}:${WS}${VALUE}`, 'y');
const ELEMENT = new RegExp(`${WS}${VALUE}`, 'y');
/** Whitespace, then what follows a value: `,` or a closing bracket (1). */
const AFTER = new RegExp(`${WS}([,}\\]])`, 'y');
const CLOSE_EMPTY = new RegExp(`${WS}([}\\]])`, 'y');
const TRAILING = new RegExp(`${WS}$`, 'y');

const KEYWORDS: Record<string, ConfigValue> = { true: true, false: false, null: null, NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

interface Frame {
  /** `}` or `]`. */
  close: string;
  /** Flat key prefix of the members or items (`a.b.`). */
  prefix: string;
  /** Keys seen (objects), to find duplicates. */
  keys: Set<string> | undefined;
  /** Next item index (arrays). */
  index: number;
}

/**
 * Scalar spans of JSON text keyed by flat dotted key, as `scanJson` maps
 * them, when the text is valid JSON (a UTF-8 byte-order mark allowed)
 * whose top level is an object or array and no object has a key twice;
 * otherwise undefined.
 *
 * @example
 * ```ts
 * fastScanJson('{"a": [1, 2.5]}'); // Map { 'a.0' => {start: 7, end: 8, value: 1n}, 'a.1' => {...} }
 * fastScanJson('{"a": 1,}');       // undefined (invalid: the full parser reports the error)
 * ```
 */
export function fastScanJson(text: string): Map<string, ScalarSpan> | undefined {
  const spans = new Map<string, ScalarSpan>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && isWs(text.charCodeAt(i))) i++;
  const first = text[i];
  if (first !== '{' && first !== '[') return undefined;
  const stack: Frame[] = [frame(first, '')];
  i++;
  CLOSE_EMPTY.lastIndex = i;
  const empty = CLOSE_EMPTY.exec(text);
  let afterValue = false;
  if (empty !== null) {
    if (empty[1] !== stack[0]?.close) return undefined;
    stack.pop();
    i = CLOSE_EMPTY.lastIndex;
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    if (afterValue) {
      AFTER.lastIndex = i;
      const m = AFTER.exec(text);
      if (m === null) return undefined;
      i = AFTER.lastIndex;
      if (m[1] !== ',') {
        if (m[1] !== top.close) return undefined;
        stack.pop();
        continue;
      }
    }
    const re = top.keys === undefined ? ELEMENT : MEMBER;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) return undefined;
    i = re.lastIndex;
    let key: string;
    let g = 1;
    if (top.keys !== undefined) {
      const body = m[1] as string;
      key = body.includes('\\') ? (JSON.parse(`"${body}"`) as string) : body;
      if (top.keys.has(key)) return undefined;
      top.keys.add(key);
      g = 2;
    } else key = String(top.index++);
    const number = m[g];
    const string = m[g + 3];
    const keyword = m[g + 4];
    const open = m[g + 5];
    const path = top.prefix + key;
    if (open !== undefined) {
      CLOSE_EMPTY.lastIndex = i;
      const closed = CLOSE_EMPTY.exec(text);
      if (closed === null) stack.push(frame(open, path === '' ? '' : path + '.'));
      else if (closed[1] !== (open === '{' ? '}' : ']')) return undefined;
      else i = CLOSE_EMPTY.lastIndex;
      afterValue = closed !== null;
      continue;
    }
    let value: ConfigValue;
    let length: number;
    if (number !== undefined) {
      value = m[g + 1] !== undefined || m[g + 2] !== undefined ? Number(number) : BigInt(number);
      length = number.length;
    } else if (string !== undefined) {
      value = string.includes('\\') ? (JSON.parse(`"${string}"`) as string) : string;
      length = string.length + 2;
    } else {
      value = KEYWORDS[keyword as string] as ConfigValue;
      length = (keyword as string).length;
    }
    spans.set(path, { start: i - length, end: i, value });
    afterValue = true;
  }
  TRAILING.lastIndex = i;
  return TRAILING.test(text) ? spans : undefined;
}

function frame(open: string, prefix: string): Frame {
  return open === '{' ? { close: '}', prefix, keys: new Set(), index: 0 } : { close: ']', prefix, keys: undefined, index: 0 };
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
