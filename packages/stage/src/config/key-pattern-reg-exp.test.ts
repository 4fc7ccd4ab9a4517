import { describe, expect, test } from '@jest/globals';
import { keyPatternRegExp } from './key-pattern-reg-exp.js';

const KEYS = ['a', 'b', 'ab', 'a.b', 'a.b.c', 'x.b', 'l.0', 'l.10', 'opts.loud', 'a-b', 'a+b'];

function matching(pattern: string): string[] {
  const re = keyPatternRegExp(pattern);
  return KEYS.filter((key) => re.test(key));
}

describe('keyPatternRegExp()', () => {
  test.each([
    ['**.', '^(?:.+\\.)*$'],
    ['**', '^(?:.+\\.)*$'],
    ['*', '^[^.]*$'],
    ['?', '^[^.]?$'],
    ['a.b', '^a\\.b$'],
    ['**.*', '^(?:.+\\.)*[^.]*$'],
  ])('keyPatternRegExp(%j) has source %j', (pattern, source) => {
    expect(keyPatternRegExp(pattern).source).toBe(source);
  });

  test.each([
    ['*', ['a', 'b', 'ab', 'a-b', 'a+b']],
    ['**.*', KEYS],
    ['a.**.*', ['a.b', 'a.b.c']],
    ['**.b', ['b', 'a.b', 'x.b']],
    ['**', []],
    ['?', ['a', 'b']],
    ['l.?', ['l.0']],
    ['l.*', ['l.0', 'l.10']],
    ['a+b', ['a+b']],
    ['', []],
  ])('keyPatternRegExp(%j) matches %j', (pattern, keys) => {
    expect(matching(pattern)).toEqual(keys);
  });
});
