import { expect, test } from '@jest/globals';
import { parseRunFlag } from './parse-run-flag.js';

test('parseRunFlag() keeps the value text as typed, trimmed', () => {
  expect(parseRunFlag('name = 1.50 ')).toEqual({ name: 'name', value: 1.5, text: '1.50' });
  expect(parseRunFlag("'a b'= 'x y'")).toEqual({ name: 'a b', value: 'x y', text: "'x y'" });
  expect(parseRunFlag('n=')).toEqual({ name: 'n', value: '', text: '' });
  expect(parseRunFlag('__proto__=1')).toEqual({ name: '__proto__', value: 1n, text: '1' });
});
