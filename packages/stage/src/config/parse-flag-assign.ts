import type { ConfigValue } from '@gage/types';
import { FlagAssignError } from '../errors.js';
import { KEY_RUN, pyStrip, quotedEnd, unexpectedToken } from './_flag-syntax.js';
import { typeFlagValue } from './_type-flag-value.js';

/**
 * Parses a run flag `KEY=VALUE` (stage.md 5.9). KEY is a name (letters,
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
  const text = pyStrip(arg);
  if (text === '') throw new FlagAssignError(arg, 'Missing expected token: one of KEY, QUOTED_STRING');
  let key: string;
  let pos: number;
  const quoted = quotedEnd(text, 0);
  if (quoted !== -1) {
    key = text.slice(1, quoted - 1);
    pos = quoted;
  } else {
    const run = KEY_RUN.exec(text);
    if (!run) throw unexpectedToken(arg, text, 0, true);
    key = run[0];
    pos = key.length;
  }
  while (text[pos] === ' ' || text[pos] === '\t') pos++;
  if (pos === text.length) throw new FlagAssignError(arg, 'Missing expected token: one of EQUAL, WS_INLINE');
  if (text[pos] !== '=') throw unexpectedToken(arg, text, pos, true);
  return [key, typeFlagValue(arg, text.slice(pos + 1), true)];
}
