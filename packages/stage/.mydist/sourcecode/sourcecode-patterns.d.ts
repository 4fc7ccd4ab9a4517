import type { OpDef } from '@gage/types';
/** The default source code patterns (stage.md 4.4), in order. */
export declare const DEFAULT_SOURCECODE_PATTERNS: readonly string[];
/**
 * The source code patterns of an operation (stage.md 4.4): `true` or absent
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
export declare function sourcecodePatterns(opdef: OpDef): string[];
//# sourceMappingURL=sourcecode-patterns.d.ts.map