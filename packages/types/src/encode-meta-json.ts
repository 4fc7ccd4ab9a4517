import type { JsonValue } from './json-value.js';
import { pythonFloatRepr } from './python-repr.js';

/**
 * Encodes a value the way every JSON meta file is written (lifecycle.md 5.2):
 * 2-space indent, object keys sorted by code point at every depth, raw UTF-8,
 * no trailing newline. A `number` is a float and always carries a `.` or an
 * exponent (`1.0`, `1e-05`, `Infinity`, `NaN`); a `bigint` is an integer.
 * `undefined` object members are left out.
 *
 * @example
 * ```ts
 * encodeMetaJson({ lr: 1, epochs: 3n }); // '{\n  "epochs": 3,\n  "lr": 1.0\n}'
 * ```
 */
export function encodeMetaJson(value: JsonValue | undefined): string {
  return encode(value, '');
}

function encode(value: JsonValue | undefined, indent: string): string {
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
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((v) => inner + encode(v, inner)).join(',\n') + '\n' + indent + ']';
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${inner}${JSON.stringify(k)}: ${encode(value[k], inner)}`).join(',\n') + '\n' + indent + '}';
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
