import { expect, test } from '@jest/globals';
import { pythonFloatRepr, pythonStringRepr } from './python-repr.js';

test.each([
  [1, '1.0'],
  [100, '100.0'],
  [0.5, '0.5'],
  [0.1, '0.1'],
  [1e-4, '0.0001'],
  [1e-5, '1e-05'],
  [1e15, '1000000000000000.0'],
  [1e16, '1e+16'],
  [1.5e16, '1.5e+16'],
  [1e100, '1e+100'],
  [-2.5, '-2.5'],
  [0, '0.0'],
  [-0, '-0.0'],
  [123456.789, '123456.789'],
  [1.23e-7, '1.23e-07'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [NaN, 'nan'],
  [0.30000000000000004, '0.30000000000000004'],
])('pythonFloatRepr(%p) is %p', (x, text) => {
  expect(pythonFloatRepr(x)).toBe(text);
});

test.each([
  ['abc', "'abc'"],
  ["it's", '"it\'s"'],
  ['a"b\'c', "'a\"b\\'c'"],
  ['a\\b', "'a\\\\b'"],
  ['a\nb\tc\rd', "'a\\nb\\tc\\rd'"],
  ['\x00\x7f', "'\\x00\\x7f'"],
  ['Buenos días', "'Buenos días'"],
  ['😓', "'😓'"],
  ['\u200b', "'\\u200b'"],
  ['\u00a0', "'\\xa0'"],
  [' ', "' '"],
])('pythonStringRepr(%j) is %j', (s, text) => {
  expect(pythonStringRepr(s)).toBe(text);
});
