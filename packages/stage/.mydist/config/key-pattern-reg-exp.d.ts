/**
 * Translates a config key pattern to an anchored regular expression
 * (stage.md 5.3): `**.` or `**` -> `(?:.+\.)*`, `*` -> `[^.]*`, `?` ->
 * `[^.]?`, every other character literal. So `*` matches top-level keys
 * only, `**.*` every key, `a.**.*` every key strictly under `a`, `**.b`
 * every key whose last part is `b`, `**` alone no key.
 *
 * @param pattern - the key pattern
 * @returns a regular expression matching whole keys
 * @example
 * ```ts
 * keyPatternRegExp('**.*').test('opts.loud'); // true
 * keyPatternRegExp('*').test('opts.loud');    // false
 * ```
 */
export declare function keyPatternRegExp(pattern: string): RegExp;
//# sourceMappingURL=key-pattern-reg-exp.d.ts.map