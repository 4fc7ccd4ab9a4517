import type { ConfigValue } from '@gage/types';
import { parsePythonNumber } from './_python-number.js';
import { decodePythonString, splitPythonString, type PythonStringLiteral } from './_python-string.js';

/** A top-level `name = literal` line, understood without the parser. */
export interface SimpleAssign {
  kind: 'assign';
  name: string;
  /** Offsets of the literal (a unary sign included) in the text. */
  from: number;
  to: number;
  value: ConfigValue;
  string?: PythonStringLiteral;
}

/** Source between simple lines: whole lines for the parser, `[from, to)`. */
export interface CodeSegment {
  kind: 'code';
  from: number;
  to: number;
}

const NUMBER = String.raw`(?:[0-9]|\.[0-9])(?:[0-9A-Za-z_.]|(?<=[eE])[-+])*`;
const STRING = String
  .raw`[rRuU]?(?:'''(?:[^'\\\r\n]|\\[^\r\n]|'(?!''))*'''|"""(?:[^"\\\r\n]|\\[^\r\n]|"(?!""))*"""|'(?:[^'\\\r\n]|\\[^\r\n])*'|"(?:[^"\\\r\n]|\\[^\r\n])*")`;
/** `name = value  # comment` on one line: 1 name, 2 up to the value, 3 sign, 4 number, 5 string, 6 keyword constant. */
const SIMPLE_LINE = new RegExp(
  String.raw`([A-Za-z_][A-Za-z0-9_]*)([ \t]*=[ \t]*)(?:([-+])[ \t]*)?(?:(${NUMBER})|(${STRING})|(True|False|None))[ \t]*(?:#[^\r\n]*)?(?=\r|\n|$)`,
  'y',
);
/** A blank or comment-only line, which needs no parsing outside code. */
const TRIVIA_LINE = /[ \t\f]*(?:#[^\r\n]*)?(?=\r|\n|$)/y;
/** Names whose assignment the parser reads differently (keywords, soft keywords, Python 2 `print`). */
const RESERVED = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from global ' +
    'if import in is lambda nonlocal not or pass raise return try while with yield match case type _ print').split(' '),
);

/**
 * Splits Python source into top-level simple assignments (`name = literal`
 * on one line, starting in column 1, outside any bracket, string or
 * continued line) and the code between them. A simple line is a statement
 * boundary Python cannot see past, so each code segment is valid Python on
 * its own exactly when the file is; simple lines are valid by construction
 * (anything not fully understood here is left to the parser). This lets a
 * config file of plain assignments be read without parsing it.
 *
 * @example
 * ```ts
 * pythonSegments('import os\nlr = 0.1\n');
 * // [{ kind: 'code', from: 0, to: 10 }, { kind: 'assign', name: 'lr', from: 15, to: 18, value: 0.1 }]
 * ```
 */
export function pythonSegments(text: string): (SimpleAssign | CodeSegment)[] {
  const out: (SimpleAssign | CodeSegment)[] = [];
  let codeFrom = -1;
  let pos = 0;
  while (pos < text.length) {
    const assign = simpleAssign(text, pos);
    if (assign) {
      if (codeFrom >= 0) out.push({ kind: 'code', from: codeFrom, to: pos });
      codeFrom = -1;
      out.push(assign);
      pos = nextLine(text, assign.to);
      continue;
    }
    if (codeFrom < 0) {
      TRIVIA_LINE.lastIndex = pos;
      if (TRIVIA_LINE.test(text)) {
        pos = nextLine(text, TRIVIA_LINE.lastIndex);
        continue;
      }
      codeFrom = pos;
    }
    pos = logicalLineEnd(text, pos);
  }
  if (codeFrom >= 0) out.push({ kind: 'code', from: codeFrom, to: text.length });
  return out;
}

function simpleAssign(text: string, pos: number): SimpleAssign | undefined {
  SIMPLE_LINE.lastIndex = pos;
  const m = SIMPLE_LINE.exec(text);
  if (!m || RESERVED.has(m[1] as string)) return undefined;
  const [, name, assign, sign, number, string, constant] = m as unknown as (string | undefined)[];
  const literal = (number ?? string ?? constant) as string;
  const from = pos + (name as string).length + (assign as string).length;
  const to = text.indexOf(literal, from) + literal.length;
  if (number !== undefined) {
    const n = parsePythonNumber(number);
    if (typeof n !== 'bigint' && typeof n !== 'number') return undefined;
    return { kind: 'assign', name: name as string, from, to, value: sign === '-' ? -n : n };
  }
  if (sign) return undefined;
  if (constant !== undefined) return { kind: 'assign', name: name as string, from, to, value: constant === 'None' ? null : constant === 'True' };
  const lit = splitPythonString(literal);
  const decoded = lit && !lit.notText ? decodePythonString(lit) : undefined;
  return lit && decoded && 'value' in decoded ? { kind: 'assign', name: name as string, from, to, value: decoded.value, string: lit } : undefined;
}

/** The start of the line after `pos`. */
export function nextLine(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

const LF = 10;
const CR = 13;
const HASH = 35;
const BACKSLASH = 92;
const OPEN = new Set([40, 91, 123]);
const CLOSE = new Set([41, 93, 125]);
const PREFIX = /^(?:[rRbBuUfF]|[bBfF][rR]|[rR][bBfF])$/;
const WORD = /[A-Za-z0-9_]/y;

/**
 * The start of the next logical line: past brackets, strings (any prefix,
 * triple quoted), comments and backslash continuations. Errs towards
 * joining lines, which only hands more to the parser.
 *
 * @example
 * ```ts
 * logicalLineEnd('x = (1,\n 2)\ny = 3\n', 0); // 13, the start of `y = 3`
 * ```
 */
export function logicalLineEnd(text: string, pos: number): number {
  let depth = 0;
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i = nextLine(text, i);
      if (depth === 0) return i;
    } else if (c === HASH) {
      while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    } else if (c === BACKSLASH) {
      i = skipEscape(text, i);
    } else if (c === 34 || c === 39) {
      i = stringEnd(text, i);
    } else if (OPEN.has(c)) {
      depth++;
      i++;
    } else if (CLOSE.has(c)) {
      depth = Math.max(0, depth - 1);
      i++;
    } else {
      const start = i;
      while (i < text.length && (WORD.lastIndex = i, WORD.test(text))) i++;
      if (i === start) i++;
      else if (PREFIX.test(text.slice(start, i)) && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39)) i = stringEnd(text, i);
    }
  }
  return text.length;
}

/** The end of the string whose quote is at `pos`; a one-line string ends at its line break when unterminated. */
function stringEnd(text: string, pos: number): number {
  const quote = text[pos] as string;
  const triple = text.startsWith(quote.repeat(3), pos);
  const delim = triple ? quote.repeat(3) : quote;
  let i = pos + delim.length;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i = skipEscape(text, i);
    else if (text.startsWith(delim, i)) return i + delim.length;
    else if (!triple && (c === LF || c === CR)) return i;
    else i++;
  }
  return text.length;
}

/** Past a backslash at `pos` and the character it escapes (a CRLF counts as one). */
function skipEscape(text: string, pos: number): number {
  return text.charCodeAt(pos + 1) === CR && text.charCodeAt(pos + 2) === LF ? pos + 3 : pos + 2;
}
