// A scanner over TOML text that smol-toml has already accepted: maps each
// scalar leaf to its flat dotted key (tables, arrays of tables as `x.0`,
// dotted keys, inline tables, arrays) and the text span of its value.
import type { ConfigValue } from '@gage/types';
import { parse, TomlError } from 'smol-toml';
import { ConfigSyntaxError } from '../errors.js';
import type { ScalarSpan } from './_toml-json-yaml-edits.js';
import { plainTomlScalar } from './_toml-plain-scalar.js';
import { fastScanToml } from './_toml-fast-scan.js';

/** How a TOML scalar is written: the string kind, or the integer prefix. */
export type TomlLexeme = 'basic' | 'literal' | 'ml-basic' | 'ml-literal' | '0x' | '0o' | '0b' | 'other';

/** A TOML scalar leaf: its span and how it is written. */
export interface TomlSpan extends ScalarSpan {
  lexeme: TomlLexeme;
}

/**
 * Scalar spans of a TOML document keyed by flat dotted key. Dates and times
 * are skipped.
 *
 * @throws {ConfigSyntaxError} when the text is not valid TOML.
 */
export function scanToml(text: string): Map<string, TomlSpan> {
  return fastScanToml(text, parseTomlValue) ?? scanTomlFully(text);
}

/**
 * What smol-toml reads one value's text as (integers as bigint).
 *
 * @throws {TomlError} when the text is not a valid TOML value.
 */
export function parseTomlValue(raw: string): unknown {
  return (parse('v = ' + raw, { integersAsBigInt: true }) as { v: unknown }).v;
}

/**
 * {@link scanToml} without the fast path: smol-toml validates the whole
 * file, then the span scanner reads it.
 *
 * @throws {ConfigSyntaxError} when the text is not valid TOML.
 */
export function scanTomlFully(text: string): Map<string, TomlSpan> {
  parseToml(text);
  const scanner = new TomlScanner(text);
  scanner.document();
  return scanner.spans;
}

function parseToml(text: string): Record<string, unknown> {
  try {
    return parse(text, { integersAsBigInt: true });
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const reason = err.message.replace(/^Invalid TOML document: /, '').replace(/\n[\s\S]*$/, '');
    throw new ConfigSyntaxError('TOML', reason, err.line, err.column, { cause: err });
  }
}

const BARE_KEY = /[A-Za-z0-9_-]+/y;
const BARE_VALUE = /[A-Za-z0-9_+\-.:]+/y;

class TomlScanner {
  readonly s: string;
  readonly spans = new Map<string, TomlSpan>();
  /** Arrays of tables seen so far (resolved path, NUL-joined) and their lengths. */
  readonly arrays = new Map<string, number>();
  i: number;

  constructor(s: string) {
    this.s = s;
    this.i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  document(): void {
    let table: string[] = [];
    for (this.blank(); this.i < this.s.length; this.blank()) {
      if (this.s.startsWith('[[', this.i)) {
        this.i += 2;
        table = this.arrayTable(this.keys());
        this.i += 2;
      } else if (this.s[this.i] === '[') {
        this.i += 1;
        table = this.resolve(this.keys());
        this.i += 1;
      } else {
        this.keyValue(table);
      }
    }
  }

  /** Skips spaces, tabs, line breaks and comments. */
  blank(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i++;
      else if (c === '#') { while (this.i < s.length && s[this.i] !== '\n') this.i++; }
      else break;
    }
  }

  spaces(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  /** A dotted key (`a."b.c".'d'`), its parts decoded. */
  keys(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.spaces();
      const c = this.s[this.i];
      if (c === '"' || c === "'") {
        const start = this.i;
        this.string();
        parts.push(Object.keys(parse(this.s.slice(start, this.i) + ' = 0'))[0] as string);
      } else {
        BARE_KEY.lastIndex = this.i;
        const m = BARE_KEY.exec(this.s) as RegExpExecArray;
        parts.push(m[0]);
        this.i += m[0].length;
      }
      this.spaces();
      if (this.s[this.i] !== '.') return parts;
      this.i++;
    }
  }

  /** A table header's path with the current index of every array of tables on the way. */
  resolve(keys: string[]): string[] {
    const path: string[] = [];
    for (const key of keys) {
      path.push(key);
      const count = this.arrays.get(path.join('\0'));
      if (count !== undefined) path.push(String(count - 1));
    }
    return path;
  }

  arrayTable(keys: string[]): string[] {
    const path = [...this.resolve(keys.slice(0, -1)), keys[keys.length - 1] as string];
    const id = path.join('\0');
    const count = this.arrays.get(id) ?? 0;
    this.arrays.set(id, count + 1);
    return [...path, String(count)];
  }

  keyValue(prefix: string[]): void {
    const path = [...prefix, ...this.keys()];
    this.i++; // '='
    this.spaces();
    this.value(path);
  }

  value(path: string[]): void {
    const c = this.s[this.i];
    if (c === '[') this.array(path);
    else if (c === '{') this.inlineTable(path);
    else this.scalar(path);
  }

  array(path: string[]): void {
    this.i++;
    for (let index = 0;; index++) {
      this.blank();
      if (this.s[this.i] === ']') break;
      this.value([...path, String(index)]);
      this.blank();
      if (this.s[this.i] === ',') this.i++;
    }
    this.i++;
  }

  inlineTable(path: string[]): void {
    this.i++;
    for (;;) {
      this.blank();
      if (this.s[this.i] === '}') break;
      this.keyValue(path);
      this.blank();
      if (this.s[this.i] === ',') this.i++;
    }
    this.i++;
  }

  scalar(path: string[]): void {
    const start = this.i;
    const lexeme = this.s[start] === '"' || this.s[start] === "'" ? this.string() : this.bare();
    const text = this.s.slice(start, this.i);
    const value = plainTomlScalar(text) ?? parseTomlValue(text);
    if (typeof value === 'object' && value !== null) return; // a date or time
    const key = path.join('.');
    this.spans.delete(key);
    this.spans.set(key, { start, end: this.i, value: value as ConfigValue, lexeme });
  }

  bare(): TomlLexeme {
    BARE_VALUE.lastIndex = this.i;
    let token = (BARE_VALUE.exec(this.s) as RegExpExecArray)[0];
    this.i += token.length;
    if (/^\d{4}-\d{2}-\d{2}$/.test(token) && /^ \d{2}:/.test(this.s.slice(this.i, this.i + 4))) {
      this.i++;
      BARE_VALUE.lastIndex = this.i;
      token = (BARE_VALUE.exec(this.s) as RegExpExecArray)[0];
      this.i += token.length;
    }
    const prefix = token.slice(0, 2);
    return prefix === '0x' || prefix === '0o' || prefix === '0b' ? prefix : 'other';
  }

  /** Moves past a string of any kind and says which. */
  string(): TomlLexeme {
    const s = this.s;
    const q = s[this.i] as string;
    const multi = s.startsWith(q.repeat(3), this.i);
    this.i += multi ? 3 : 1;
    for (;;) {
      if (q === '"' && s[this.i] === '\\') this.i += 2;
      else if (s[this.i] !== q) this.i++;
      else if (!multi) break;
      else if (s.startsWith(q.repeat(3), this.i)) {
        let run = 3;
        while (run < 5 && s[this.i + run] === q) run++;
        this.i += run - 1;
        break;
      } else this.i++;
    }
    this.i++;
    if (q === '"') return multi ? 'ml-basic' : 'basic';
    return multi ? 'ml-literal' : 'literal';
  }
}
