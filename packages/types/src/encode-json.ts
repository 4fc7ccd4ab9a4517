import type { JsonValue } from './json-value.js';
import { pythonFloatRepr } from './python-repr.js';

/** Options of {@link encodeJson}. */
export interface EncodeJsonOptions {
  /** Spaces per level; 0 (the default) writes compact JSON with no spaces at all. */
  indent?: number | undefined;
  /** Sort object keys by code point at every depth (default: insertion order). */
  sortKeys?: boolean | undefined;
}

/**
 * Encodes JSON with the config value model (decision 6): a `bigint` is an
 * integer, a `number` a float that always carries a `.` or an exponent
 * (`1.0`, `1e-05`; non-finite as `Infinity`, `-Infinity`, `NaN` like
 * Python's `json`), so `parseJson(text, { bigint: true })` reads back the
 * same values. Strings are raw UTF-8; `undefined` object members are left
 * out. With an indent, empty objects and arrays stay `{}` and `[]`.
 *
 * @example
 * ```ts
 * encodeJson({ b: 1n, a: 0.5 });                   // '{"b":1,"a":0.5}'
 * encodeJson({ b: 1n, a: 2 }, { indent: 2, sortKeys: true }); // '{\n  "a": 2.0,\n  "b": 1\n}'
 * ```
 */
export function encodeJson(value: JsonValue | undefined, options: EncodeJsonOptions = {}): string {
  const step = ' '.repeat(options.indent ?? 0);
  return encode(value, step, '', options.sortKeys ?? false);
}

function encode(value: JsonValue | undefined, step: string, indent: string, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'number':
      return encodeFloat(value);
  }
  const inner = indent + step;
  const [open, sep, close] = step ? ['\n' + inner, ',\n' + inner, '\n' + indent] : ['', ',', ''];
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + open + value.map((v) => encode(v, step, inner, sortKeys)).join(sep) + close + ']';
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (sortKeys) keys.sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const colon = step ? ': ' : ':';
  const members = keys.map((k) => JSON.stringify(k) + colon + encode(value[k], step, inner, sortKeys));
  return '{' + open + members.join(sep) + close + '}';
}

function encodeFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pythonFloatRepr(x);
}

/**
 * Orders strings by Unicode code point (not UTF-16 code unit), as Python's
 * `sorted` does.
 *
 * @example
 * ```ts
 * ['b', 'a'].sort(compareCodePoints); // ['a', 'b']
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
