import type { ConfigValue } from '@gage/types';
import { isBlank, pyStrip, quotedEnd } from '../config/_flag-syntax.js';
import { typeFlagValue } from '../config/_type-flag-value.js';

/** One item of a sweep's list, typed like a flag value, with its text as typed. */
export interface SweepItem {
  value: ConfigValue;
  text: string;
}

/**
 * The items of a list `a, 'b,c', 3` (the text between the brackets): split
 * at commas outside quotes, each typed like a flag value.
 *
 * @throws {SyntaxError} the problem, for the caller's message: an empty list or item
 */
export function listItems(inner: string): SweepItem[] {
  if (isBlank(inner)) throw new SyntaxError('the list is empty');
  const items: SweepItem[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = pyStrip(inner.slice(start, end));
    if (text === '') throw new SyntaxError(`item ${items.length + 1} is empty (quote it for an empty string: '')`);
    try {
      items.push({ value: typeFlagValue(text, text, false), text });
    } catch (err) {
      throw new SyntaxError(`item ${items.length + 1} (${text}): ${(err as Error).message}`);
    }
  };
  while (i < inner.length) {
    const ch = inner[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(inner, i);
      i = end === -1 ? inner.length : end;
    } else if (ch === ',') {
      push(i);
      start = ++i;
    } else i++;
  }
  push(inner.length);
  return items;
}

/**
 * The numbers of `start:stop:step` (the text between the brackets): `count`
 * of them, or `min` to `max` of them; integers as `bigint`.
 *
 * @throws {SyntaxError} the problem, for the caller's message
 */
export function numberArgs(inner: string, min: number, max: number): (number | bigint)[] {
  const parts = inner.split(':').map(pyStrip);
  if (parts.length < min || parts.length > max) {
    const want = min === max ? `${min}` : `${min} or ${max}`;
    throw new SyntaxError(`expected ${want} numbers separated by ':', got ${parts.length}`);
  }
  return parts.map((text) => {
    const value = text === '' ? '' : typeFlagValue(text, text, false);
    if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) return value;
    throw new SyntaxError(`'${text}' is not a number`);
  });
}
