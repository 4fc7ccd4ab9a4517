// A line-at-a-time reader for the common TOML subset (table headers, one-line
// `key = scalar` pairs, comments), which validates what it reads so that
// smol-toml's parse of the whole file can be skipped. Anything else returns
// undefined and the caller takes the full path (smol-toml, then the span
// scanner), so results and errors stay exactly those of that path. It does
// not import smol-toml: the caller passes its value parser, used only for
// the less common scalars.
import type { ConfigValue } from '@gage/types';
import type { TomlLexeme, TomlSpan } from './_toml-scan.js';
import { plainTomlScalar } from './_toml-plain-scalar.js';

const KEY_PART = String.raw`[A-Za-z0-9_-]+|"[^"\\\x00-\x1f\x7f]*"|'[^'\x00-\x1f\x7f]*'`;
const BASIC = String.raw`"(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[^\x00-\x1f\x7f])*"`;
const LITERAL = String.raw`'[^'\x00-\x08\x0a-\x1f\x7f]*'`;
const BARE = String.raw`[A-Za-z0-9_+\-.:]+`;
/**
 * One line: 1 a table header's dotted key, or 2 a key and 3 its value; then
 * 4 the blanks before an optional comment, 5 the comment.
 */
const LINE = new RegExp(
  String.raw`[ \t]*(?:\[[ \t]*((?:${KEY_PART})(?:[ \t]*\.[ \t]*(?:${KEY_PART}))*)[ \t]*\]|(${KEY_PART})[ \t]*=[ \t]*(${BASIC}|${LITERAL}|${BARE}))?` +
    String.raw`([ \t]*)(#[^\x00-\x08\x0a-\x1f\x7f]*)?(?:\r\n|\n|$)`,
  'y',
);
const HEADER_PART = new RegExp(`[ \\t]*(${KEY_PART})[ \\t]*\\.?`, 'y');

/** What a path names so far: a table of its own header, a table only named in a longer header, or a value. */
type Defined = 'table' | 'implicit' | 'value';

/**
 * Scalar spans of a TOML document keyed by flat dotted key, as `scanToml`
 * maps them, when the file consists only of blank and comment lines, table
 * headers (`[a."b"]`) and `key = value` lines with a bare or quoted
 * (undotted) key and a one-line scalar other than a date or time, and is
 * valid TOML; otherwise undefined.
 *
 * @example
 * ```ts
 * fastScanToml('[train]\nlr = 0.1\n');   // Map { 'train.lr' => { start: 13, end: 16, value: 0.1, lexeme: 'other' } }
 * fastScanToml('a = [1, 2]\n');          // undefined (an array: left to the full path)
 * ```
 */
export function fastScanToml(text: string, parseValue: (raw: string) => unknown): Map<string, TomlSpan> | undefined {
  const spans = new Map<string, TomlSpan>();
  const defined = new Map<string, Defined>();
  let table: string[] = [];
  let tableId = '';
  /** The flat key prefix of the table's keys (`a.b.`). */
  let prefix = '';
  let pos = 0;
  while (pos < text.length) {
    LINE.lastIndex = pos;
    const m = LINE.exec(text);
    if (m === null || LINE.lastIndex === pos) return undefined;
    const header = m[1];
    const key = m[2];
    const blanks = m[4] as string;
    const comment = m[5];
    if (comment !== undefined && blanks === '' && (header !== undefined || key !== undefined)) return undefined;
    if (header !== undefined) {
      const path = headerPath(header);
      if (path === undefined || !defineTable(defined, path)) return undefined;
      table = path;
      tableId = path.join('\0');
      prefix = path.join('.') + '.';
    } else if (key !== undefined) {
      const name = unquote(key);
      const id = tableId === '' && table.length === 0 ? name : tableId + '\0' + name;
      if (name === '__proto__' || defined.has(id)) return undefined;
      defined.set(id, 'value');
      const raw = m[3] as string;
      const end = LINE.lastIndex - eolLength(m[0]) - (comment?.length ?? 0) - blanks.length;
      const start = end - raw.length;
      if (mayBeDate(text, start)) return undefined;
      const value = tomlScalar(raw, parseValue);
      if (value === undefined) return undefined;
      const flat = prefix + name;
      spans.delete(flat);
      spans.set(flat, { start, end, value, lexeme: lexeme(raw) });
    }
    pos = LINE.lastIndex;
  }
  return spans;
}

/** The decoded parts of a header's dotted key, or undefined when one is `__proto__`. */
function headerPath(header: string): string[] | undefined {
  const path: string[] = [];
  HEADER_PART.lastIndex = 0;
  while (HEADER_PART.lastIndex < header.length) {
    const part = unquote((HEADER_PART.exec(header) as RegExpExecArray)[1] as string);
    if (part === '__proto__') return undefined;
    path.push(part);
  }
  return path;
}

/** Records a `[path]` header; false when TOML forbids it (the table or a value is defined already). */
function defineTable(defined: Map<string, Defined>, path: string[]): boolean {
  let id = '';
  for (let i = 0; i < path.length; i++) {
    id = i === 0 ? (path[0] as string) : id + '\0' + (path[i] as string);
    const was = defined.get(id);
    if (i < path.length - 1) {
      if (was === 'value') return false;
      if (was === undefined) defined.set(id, 'implicit');
    } else {
      if (was === 'table' || was === 'value') return false;
      defined.set(id, 'table');
    }
  }
  return true;
}

function eolLength(line: string): number {
  return line.endsWith('\r\n') ? 2 : line.endsWith('\n') ? 1 : 0;
}

function unquote(part: string): string {
  return part[0] === '"' || part[0] === "'" ? part.slice(1, -1) : part;
}

/**
 * True when smol-toml would read the value at `start` as a date or time: it
 * decides by the characters at fixed distances, which may lie past the
 * value (`1\n---- = 1`), and how far it reads one depends on what follows.
 * Dates are left to the full path (they are skipped anyway).
 */
function mayBeDate(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c >= 0x30 && c <= 0x39 && ((text[start + 4] === '-' && text[start + 7] === '-') || text[start + 2] === ':');
}

/**
 * The value of a one-line scalar; undefined when it is not valid TOML (or
 * not a config value). Strings and numbers end at the first blank, so
 * smol-toml reads one alone as it reads it in the file.
 */
function tomlScalar(raw: string, parseValue: (raw: string) => unknown): ConfigValue | undefined {
  const plain = plainTomlScalar(raw);
  if (plain !== undefined) return plain;
  let value: unknown;
  try {
    value = parseValue(raw);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null ? undefined : (value as ConfigValue);
}

function lexeme(raw: string): TomlLexeme {
  if (raw[0] === '"') return 'basic';
  if (raw[0] === "'") return 'literal';
  const prefix = raw.slice(0, 2);
  return prefix === '0x' || prefix === '0o' || prefix === '0b' ? prefix : 'other';
}
