import { encodeJson } from './encode-json.js';
import type { JsonValue } from './json-value.js';

/**
 * Encodes a value the way every JSON meta file is written (docs/spec/lifecycle.md 5.2):
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
  return encodeJson(value, { indent: 2, sortKeys: true });
}
