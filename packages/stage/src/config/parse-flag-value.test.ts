import { describe, expect, test } from '@jest/globals';
import { parseFlagValue } from './parse-flag-value.js';

describe('parseFlagValue()', () => {
  test.each([
    ['', ''],
    ['   ', ''],
    ['"a b"', 'a b'],
    ["'a b'", 'a b'],
    ['"a\\"b"', 'a\\"b'],
    ["'a\\\\'", 'a\\\\'],
    ["  'x'  ", 'x'],
    ["''", ''],
    ["'a", "'a"],
    ['"a\\"', '"a\\"'],
    ['true', true],
    ['false', false],
    ['null', null],
    ['True', 'True'],
    ['NULL', 'NULL'],
    ['yes', 'yes'],
    ['0001', 1n],
    ['-0', 0n],
    ['1_000', 1000n],
    ['+5', 5n],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
    ['0x10', '0x10'],
    ['1__0', '1__0'],
    ['1.', 1.0],
    ['.5', 0.5],
    ['1e5', 100000.0],
    ['1e400', Infinity],
    ['+1e0', 1.0],
    ['-1.5e-3', -0.0015],
    ['1_0.5', 10.5],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['+INF', Infinity],
    ['1a', '1a'],
    ['-1a', '-1a'],
    ['[1,2,3]', '[1,2,3]'],
    ['a b c', 'a b c'],
    ['+-1', '+-1'],
    ['-', '-'],
    ['.', '.'],
    ['e5', 'e5'],
    ['  padded text ', 'padded text'],
  ])('parseFlagValue(%j) is %p', (text, expected) => {
    expect(parseFlagValue(text)).toEqual(expected);
  });

  test('parseFlagValue() returns integers as bigint and floats as number', () => {
    expect(typeof parseFlagValue('1')).toBe('bigint');
    expect(typeof parseFlagValue('1.0')).toBe('number');
    expect(typeof parseFlagValue('1e5')).toBe('number');
  });

  test('parseFlagValue() reads nan as NaN', () => {
    expect(parseFlagValue('nan')).toBeNaN();
    expect(parseFlagValue('-NaN')).toBeNaN();
  });

  test('parseFlagValue() rejects text after a closed quote with the rest of the input', () => {
    expect(() => parseFlagValue("'x' y z")).toThrow(expect.objectContaining({
      code: 'ERR_GAGE_FLAG',
      message: "Unexpected token: 'y z'",
    }));
  });
});
