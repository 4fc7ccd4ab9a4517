/** A parsed file pattern (stage.md 4.1). */
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
 * Parses a source code or config file pattern (stage.md 4.1): `\-` starts a
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
export declare function parseSourcePattern(pattern: string): SourcePattern;
//# sourceMappingURL=parse-source-pattern.d.ts.map