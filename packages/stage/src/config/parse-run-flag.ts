import { FlagAssignError } from '../errors.js';
import type { ConfigValue } from '@gage/types';
import { KEY_RUN, pyStrip, quotedEnd, unexpectedToken } from './_flag-syntax.js';
import { typeFlagValue } from './_type-flag-value.js';

/** A run flag as given on the command line: its name, typed value, and the value as typed. */
export interface RunFlag {
  /** The flag name (a config key, possibly dotted: `optimizer.lr`). */
  name: string;
  /** The value typed by docs/spec/stage.md 5.9 (`1n`, `0.1`, `'abc'`, `true`, `null`). */
  value: ConfigValue;
  /**
   * The value text as typed, trimmed (`1.0`, `'a b'` with its quotes). A
   * string default takes a number, bool or null flag as this text (decision 17).
   */
  text: string;
}

/**
 * Parses a run flag `KEY=VALUE` like `parseFlagAssign` and keeps the
 * value text as typed, which coercion to a string default needs.
 *
 * @param arg - the command-line argument
 * @returns the flag
 * @throws {FlagAssignError} `ERR_GAGE_FLAG` as `parseFlagAssign`
 * @example
 * ```ts
 * parseRunFlag('name = 1.50'); // { name: 'name', value: 1.5, text: '1.50' }
 * ```
 */
export function parseRunFlag(arg: string): RunFlag {
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
  const valueText = text.slice(pos + 1);
  return { name: key, value: typeFlagValue(arg, valueText, true), text: pyStrip(valueText) };
}
