import { encodeJson as encodeJsonText, type JsonValue } from '@gage/types';

/**
 * Encodes a `--json` document (decision 10): 2-space indent, keys in
 * insertion order, one trailing newline. A `bigint` is written as a JSON
 * integer and a `number` as a float the way `config.json` writes it (`1.0`,
 * `NaN`, `Infinity`); `undefined` members are left out.
 *
 * @example
 * ```ts
 * encodeJson({ index: 1n, lr: 0.5 }); // '{\n  "index": 1,\n  "lr": 0.5\n}\n'
 * ```
 */
export function encodeJson(value: unknown): string {
  return encodeJsonText(value as JsonValue, { indent: 2 }) + '\n';
}
