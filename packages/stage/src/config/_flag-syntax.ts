import { pythonStringRepr } from '@gage/types';
import { FlagAssignError } from '../errors.js';

/** Python's `str.isspace()` characters, for `str.strip()` semantics. */
const PY_SPACE = '[\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'gu');
const BLANK = new RegExp(`^${PY_SPACE}*$`, 'u');
const LEADING_SPACE = new RegExp(`^${PY_SPACE}*`, 'u');

/** A KEY-shaped run: a letter, digit, `_` or `.`, then also `-`. */
export const KEY_RUN = /^[\p{L}\p{N}_.][\p{L}\p{N}_.-]*/u;

/** Python `str.strip()`. */
export function pyStrip(text: string): string {
  return text.replace(STRIP, '');
}

/** True when `text` is empty or only whitespace. */
export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** Number of leading whitespace characters of `text`. */
export function leadingSpace(text: string): number {
  return (LEADING_SPACE.exec(text) as RegExpExecArray)[0].length;
}

/**
 * End (exclusive) of the quoted string that starts at `start`: the first
 * matching quote preceded by an even number of backslashes. -1 when `start`
 * is not a quote or the quote never closes.
 */
export function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  if (quote !== '"' && quote !== "'") return -1;
  let backslashes = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === quote && backslashes % 2 === 0) return i + 1;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return -1;
}

/**
 * The `Unexpected token: '<token>'` error for the text at `pos`: a quoted
 * string if one starts there, else (in flag context) the longest KEY-shaped
 * run, else the rest of the input.
 */
export function unexpectedToken(arg: string, text: string, pos: number, flagContext: boolean): FlagAssignError {
  const rest = text.slice(pos);
  const end = quotedEnd(text, pos);
  let token = rest;
  if (end !== -1) token = text.slice(pos, end);
  else if (flagContext) token = KEY_RUN.exec(rest)?.[0] ?? rest;
  return new FlagAssignError(arg, `Unexpected token: ${pythonStringRepr(token)}`);
}
