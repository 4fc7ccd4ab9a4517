/**
 * Translates a file glob to an anchored regular expression over a relative
 * path with `/` separators (stage.md 4.1): `**` or `**\/` -> `(?:.+/)*`,
 * `*` -> `[^/]*`, `?` -> `[^/]?` (zero or one character), anything else
 * literal (no `[...]` classes, no braces).
 *
 * @example
 * ```ts
 * globRegExp('**\/*.txt').test('a/b/c.txt'); // true
 * globRegExp('*.txt').test('a/c.txt'); // false
 * globRegExp('??.py').test('a.py'); // true
 * ```
 */
export declare function globRegExp(glob: string): RegExp;
//# sourceMappingURL=glob-reg-exp.d.ts.map