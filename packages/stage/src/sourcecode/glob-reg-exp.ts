/**
 * Translates a file glob to an anchored regular expression over a relative
 * path with `/` separators (docs/spec/stage.md 4.1): `**` or `**\/` -> `(?:.+/)*`,
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
export function globRegExp(glob: string): RegExp {
  let src = '';
  let i = 0;
  while (i < glob.length) {
    if (glob.startsWith('**', i)) {
      src += '(?:.+/)*';
      i += glob.startsWith('**/', i) ? 3 : 2;
      continue;
    }
    const c = glob[i] as string;
    src += c === '*' ? '[^/]*' : c === '?' ? '[^/]?' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    i += 1;
  }
  return new RegExp(`^${src}$`, 'su');
}
