/**
 * True when the glob `pattern` (4.1 dialect) matches at least one existing
 * path inside `dir` (stage.md 4.2, `sentinel=`). Literal patterns are one
 * `lstat`; wildcard segments are matched level by level; `**` walks the
 * directory (without following symlinks).
 */
export declare function sentinelMatches(dir: string, pattern: string): Promise<boolean>;
//# sourceMappingURL=_sentinel-matches.d.ts.map