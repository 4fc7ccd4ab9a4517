import type { ConfigValue } from '@gage/types';
import { isBlank, leadingSpace, pyStrip, quotedEnd, unexpectedToken } from './_flag-syntax.js';

const DIGITS = '[0-9](?:_?[0-9])*';
const INTEGER = /^[+-]?[0-9]+(?:_[0-9]+)*$/;
const FLOAT = new RegExp(
  `^[+-]?(?:(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?)$`,
);
const FLOAT_WORD = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * `parseFlagValue` with the error context of a whole flag: `arg` is
 * reported in errors and, in flag context, an unexpected token is the
 * longest KEY-shaped run.
 */
export function typeFlagValue(arg: string, text: string, flagContext: boolean): ConfigValue {
  const value = pyStrip(text);
  if (value === '') return '';
  const end = quotedEnd(value, 0);
  if (end !== -1) {
    const rest = value.slice(end);
    if (!isBlank(rest)) throw unexpectedToken(arg, value, end + leadingSpace(rest), flagContext);
    return value.slice(1, end - 1);
  }
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  if (INTEGER.test(value)) return BigInt(value.replaceAll('_', ''));
  if (FLOAT.test(value)) return Number(value.replaceAll('_', ''));
  const word = FLOAT_WORD.exec(value);
  if (word) {
    if ((word[2] as string).toLowerCase() === 'nan') return Number.NaN;
    return word[1] === '-' ? -Infinity : Infinity;
  }
  return value;
}
