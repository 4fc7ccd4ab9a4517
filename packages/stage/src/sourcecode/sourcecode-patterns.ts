import type { OpDef } from '@gage/types';
import { opdefSourcecode } from '../gagefile/opdef-sourcecode.js';

/** The default source code patterns (docs/spec/stage.md 4.4), in order. */
export const DEFAULT_SOURCECODE_PATTERNS: readonly string[] = [
  '**/* text size<100000 max-matches=500',
  '-**/.* dir',
  '-**/* dir sentinel=bin/activate',
  '-**/* dir sentinel=.nocopy',
  '-summary.json',
];

/**
 * The source code patterns of an operation (docs/spec/stage.md 4.4): `true` or absent
 * -> the defaults; `false` or `[]` -> none (nothing copied); a list with at
 * least one include (an entry not starting with `-`; `\-x` is an include) ->
 * the list alone; a list of excludes only -> the defaults followed by it.
 *
 * @example
 * ```ts
 * sourcecodePatterns(OpDef('train', { sourcecode: ['-data'] })); // [...DEFAULT_SOURCECODE_PATTERNS, '-data']
 * sourcecodePatterns(OpDef('train', { sourcecode: '*.py' })); // ['*.py']
 * ```
 */
export function sourcecodePatterns(opdef: OpDef): string[] {
  const value = opdefSourcecode(opdef);
  if (value === undefined || value === true) return [...DEFAULT_SOURCECODE_PATTERNS];
  if (value === false || value.length === 0) return [];
  if (value.some((p) => !p.startsWith('-'))) return [...value];
  return [...DEFAULT_SOURCECODE_PATTERNS, ...value];
}
