import type { ConfigValue } from '@gage/types';
import { parseRunFlag } from './parse-run-flag.js';

/**
 * Parses a run flag `KEY=VALUE` (docs/spec/stage.md 5.9). KEY is a name (letters,
 * digits, `_`, `.`, then also `-`) or a quoted string taken raw; spaces or
 * tabs may surround `=`; VALUE is typed with {@link parseFlagValue}.
 *
 * @param arg - the command-line argument
 * @returns the key and its typed value
 * @throws {FlagAssignError} `ERR_GAGE_FLAG` with the parser message, e.g.
 *   `Missing expected token: one of EQUAL, WS_INLINE` or `Unexpected token: 'b'`
 * @example
 * ```ts
 * parseFlagAssign('lr=0.1');     // ['lr', 0.1]
 * parseFlagAssign('epochs = 5'); // ['epochs', 5n]
 * parseFlagAssign('a==1');       // ['a', '=1']
 * ```
 */
export function parseFlagAssign(arg: string): [string, ConfigValue] {
  const { name, value } = parseRunFlag(arg);
  return [name, value];
}
