/**
 * Translates a config key pattern to an anchored regular expression
 * (docs/spec/stage.md 5.3): `**.` or `**` -> `(?:.+\.)*`, `*` -> `[^.]*`, `?` ->
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
export function keyPatternRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('**.', i)) {
      source += '(?:.+\\.)*';
      i += 3;
    } else if (pattern.startsWith('**', i)) {
      source += '(?:.+\\.)*';
      i += 2;
    } else {
      const ch = pattern[i] as string;
      source += ch === '*' ? '[^.]*' : ch === '?' ? '[^.]?' : ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      i += 1;
    }
  }
  return new RegExp(`^${source}$`, 's');
}
