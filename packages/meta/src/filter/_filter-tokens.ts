import { FilterSyntaxError } from './filter-syntax-error.js';

/** A token of a filter expression, with its offset in the text. */
export type FilterToken =
  | { kind: 'op'; op: string; pos: number }
  | { kind: 'punct'; text: '(' | ')' | '[' | ']' | ','; pos: number }
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'duration'; ms: number; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'word'; text: string; pos: number };

const OPERATORS = ['==', '!=', '<=', '>=', '=~', '!~', '**', '<', '>', '=', '+', '-', '*', '/'];
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const UNIT = /^(ms|s|m|h|d|w)(?![\p{L}\p{N}_])/u;
const WORD = /^[\p{L}_][\p{L}\p{N}_.:-]*/u;

/**
 * Splits a filter expression into tokens (docs/spec/wave2.md decision 21):
 * operators, `( ) [ ] ,`, numbers, durations (`30s`, `1.5h`, `2d`),
 * quoted strings (`'...'`, `"..."`, backslash escapes) and words (names,
 * keywords, bare values: a letter or `_`, then letters, digits, `_ . : -`).
 */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ('()[],'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch as '(' | ')' | '[' | ']' | ',', pos: i });
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      const after = rest.slice(num[0].length);
      const unit = UNIT.exec(after);
      if (unit) {
        tokens.push({ kind: 'duration', ms: Number(num[0]) * (UNIT_MS[unit[1] as string] as number), text: num[0] + unit[1], pos: i });
        i += num[0].length + (unit[1] as string).length;
      } else {
        if (/^[\p{L}_]/u.test(after)) throw new FilterSyntaxError(text, `unexpected '${after[0]}' after the number ${num[0]}`, i + num[0].length);
        tokens.push({ kind: 'number', value: Number(num[0]), text: num[0], pos: i });
        i += num[0].length;
      }
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      // A trailing '-' belongs to an operator (`a- 1` is `a - 1`).
      const w = word[0].replace(/-+$/, '');
      tokens.push({ kind: 'word', text: w, pos: i });
      i += w.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new FilterSyntaxError(text, `unexpected '${ch}'`, i);
    tokens.push({ kind: 'op', op, pos: i });
    i += op.length;
  }
  return tokens;
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[++i] as string;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else {
      value += ch;
    }
  }
  throw new FilterSyntaxError(text, 'a quoted string is not closed', start);
}
