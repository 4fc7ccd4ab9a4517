import { describe, expect, test } from '@jest/globals';
import { globRegExp } from './glob-reg-exp.js';
import { parseSourcePattern } from './parse-source-pattern.js';

describe('globRegExp', () => {
  test('translation table', () => {
    expect(globRegExp('**/*.txt').source).toBe('^(?:.+\\/)*[^/]*\\.txt$');
    expect(globRegExp('**').source).toBe('^(?:.+\\/)*$');
    expect(globRegExp('a?b').source).toBe('^a[^/]?b$');
    expect(globRegExp('[x]{1}+(y)|$^').test('[x]{1}+(y)|$^')).toBe(true);
  });

  test.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'd/a.txt', false],
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'd/e/a.txt', true],
    ['d1/*', 'd1/x', true],
    ['d1/*', 'd1/x/y', false],
    ['**', 'a', false],
    ['**', 'a/b', false],
    ['??.py', 'a.py', true],
    ['??.py', 'ab.py', true],
    ['??.py', 'abc.py', false],
    ['?', '', true],
    ['sub', 'sub/x', false],
    ['sub', 'sub', true],
    ['[ab].py', 'a.py', false],
    ['{a,b}.py', '{a,b}.py', true],
    ['*', 'été.txt', true],
    ['?', 'é', true],
    ['?', '😀', true],
    ['data/**/*.csv', 'data/x.csv', true],
    ['data/**/*.csv', 'data/a/b/x.csv', true],
    ['*', 'a\nb', true],
  ])('%s matches %j: %p', (glob, path, expected) => {
    expect(globRegExp(glob).test(path)).toBe(expected);
  });
});

describe('parseSourcePattern', () => {
  test('include, exclude and literal dash', () => {
    expect(parseSourcePattern('*.py')).toMatchObject({ exclude: false, glob: '*.py', type: undefined });
    expect(parseSourcePattern('-*.py')).toMatchObject({ exclude: true, glob: '*.py' });
    expect(parseSourcePattern('-   data dir')).toMatchObject({ exclude: true, glob: 'data', type: 'dir' });
    expect(parseSourcePattern('\\-x.py')).toMatchObject({ exclude: false, glob: '-x.py' });
  });

  test('default pattern options', () => {
    expect(parseSourcePattern('**/* text size<100000 max-matches=500')).toMatchObject({
      glob: '**/*',
      type: 'text',
      sizeLt: 100000,
      sizeGt: undefined,
      maxMatches: 500,
      sentinel: undefined,
    });
    expect(parseSourcePattern('-**/* dir sentinel=bin/activate')).toMatchObject({ exclude: true, type: 'dir', sentinel: 'bin/activate' });
  });

  test('type priority dir > text > binary', () => {
    expect(parseSourcePattern('x binary text').type).toBe('text');
    expect(parseSourcePattern('x binary text dir').type).toBe('dir');
    expect(parseSourcePattern('x binary').type).toBe('binary');
  });

  test('size: last of each kind wins; sentinel and max-matches: first wins; unknown words ignored', () => {
    const p = parseSourcePattern('x size<10 size<20 size>1 size>2 sentinel=a sentinel=b max-matches=3 max-matches=4 bogus size<=5 size<');
    expect(p).toMatchObject({ sizeLt: 20, sizeGt: 2, sentinel: 'a', maxMatches: 3 });
  });

  test('shell-style splitting: quotes and escapes', () => {
    expect(parseSourcePattern('"my file.txt" text').glob).toBe('my file.txt');
    expect(parseSourcePattern("'a b'").glob).toBe('a b');
    expect(parseSourcePattern('a\\ b text').glob).toBe('a b');
    expect(parseSourcePattern('-"data dir" dir')).toMatchObject({ exclude: true, glob: 'data dir', type: 'dir' });
    expect(parseSourcePattern('a#b').glob).toBe('a#b');
  });

  test('no words is an error', () => {
    const codeOf = (pattern: string): unknown => {
      try {
        parseSourcePattern(pattern);
      } catch (err) {
        return (err as { code: unknown }).code;
      }
      return undefined;
    };
    for (const bad of ['', '   ', '-', '- ', '"open']) expect(codeOf(bad)).toBe('ERR_GAGE_SOURCE_PATTERN');
    expect(() => parseSourcePattern('')).toThrow('Invalid file pattern "": no file glob');
  });
});
