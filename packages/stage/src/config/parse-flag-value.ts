import type { ConfigValue } from '@gage/types';
import { typeFlagValue } from './_type-flag-value.js';

/**
 * Types the VALUE of a run flag (docs/spec/stage.md 5.9): `""` when empty, the raw
 * inner text of a quoted string, `true`/`false`/`null`, a Python integer as
 * a `bigint`, a Python float as a `number`, else the trimmed text.
 *
 * @param text - the value text (it is trimmed first)
 * @returns the typed value
 * @throws {FlagAssignError} `ERR_GAGE_FLAG` when something follows a closed quoted string
 * @example
 * ```ts
 * parseFlagValue('1_000');  // 1000n
 * parseFlagValue('1e400');  // Infinity
 * parseFlagValue('0x10');   // '0x10'
 * parseFlagValue("'a b'");  // 'a b'
 * ```
 */
export function parseFlagValue(text: string): ConfigValue {
  return typeFlagValue(text, text, false);
}
