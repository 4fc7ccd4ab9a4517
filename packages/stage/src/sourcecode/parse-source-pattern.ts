import { split } from 'shlex';
import { SourcePatternError } from '../errors.js';
import { globRegExp } from './glob-reg-exp.js';

/** A parsed file pattern (docs/spec/stage.md 4.1). */
export interface SourcePattern {
  /** The pattern as written. */
  pattern: string;
  /** True for an exclude pattern (`-` then optional spaces). */
  exclude: boolean;
  /** The glob (first word). */
  glob: string;
  /** The glob as an anchored regular expression. */
  regex: RegExp;
  /** Rule type; several given: dir > text > binary. */
  type: 'dir' | 'text' | 'binary' | undefined;
  /** `size<N`: size must be below N. */
  sizeLt: number | undefined;
  /** `size>N`: size must be above N. */
  sizeGt: number | undefined;
  /** `sentinel=PATH` (with `dir`): a glob that must match inside the directory. */
  sentinel: string | undefined;
  /** `max-matches=N`: the rule matches at most N files. */
  maxMatches: number | undefined;
}

/**
 * Parses a source code or config file pattern (docs/spec/stage.md 4.1): `\-` starts a
 * literal `-`; a leading `-` plus spaces makes an exclude; the rest is split
 * shell-style (POSIX quotes and escapes, no comments) into the glob and
 * options `dir`, `text`, `binary`, `size<N`, `size>N` (last wins),
 * `sentinel=PATH`, `max-matches=N` (first wins). Unknown words are ignored.
 *
 * @throws {SourcePatternError} when the pattern has no glob or a quote is not closed.
 * @example
 * ```ts
 * const p = parseSourcePattern('**\/* text size<100000 max-matches=500');
 * p.type; // 'text'
 * p.sizeLt; // 100000
 * ```
 */
export function parseSourcePattern(pattern: string): SourcePattern {
  let rest = pattern;
  let exclude = false;
  if (pattern.startsWith('\\-')) rest = pattern.slice(1);
  else if (pattern.startsWith('-')) {
    exclude = true;
    rest = pattern.slice(1).replace(/^ +/, '');
  }
  let words: string[];
  try {
    words = split(rest);
  } catch (err) {
    throw new SourcePatternError(pattern, (err as Error).message);
  }
  const glob = words[0];
  if (glob === undefined) throw new SourcePatternError(pattern, 'no file glob');
  const parsed: SourcePattern = {
    pattern,
    exclude,
    glob,
    regex: globRegExp(glob),
    type: undefined,
    sizeLt: undefined,
    sizeGt: undefined,
    sentinel: undefined,
    maxMatches: undefined,
  };
  const types = new Set<string>();
  for (const word of words.slice(1)) {
    let m: RegExpExecArray | null;
    if (word === 'dir' || word === 'text' || word === 'binary') types.add(word);
    else if ((m = /^size<(\d+)$/.exec(word))) parsed.sizeLt = Number(m[1]);
    else if ((m = /^size>(\d+)$/.exec(word))) parsed.sizeGt = Number(m[1]);
    else if (word.startsWith('sentinel=')) parsed.sentinel ??= word.slice('sentinel='.length);
    else if ((m = /^max-matches=(\d+)$/.exec(word))) parsed.maxMatches ??= Number(m[1]);
  }
  parsed.type = types.has('dir') ? 'dir' : types.has('text') ? 'text' : types.has('binary') ? 'binary' : undefined;
  return parsed;
}
