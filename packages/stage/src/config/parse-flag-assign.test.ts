import { describe, expect, test } from '@jest/globals';
import { parseFlagAssign } from './parse-flag-assign.js';
import { parseFlagAssigns } from './parse-flag-assigns.js';

describe('parseFlagAssign()', () => {
  test.each([
    ['a=1', 'a', 1n],
    ['a==1', 'a', '=1'],
    ['a=', 'a', ''],
    ['  a  =  b c  ', 'a', 'b c'],
    ['a\t=\t1.5', 'a', 1.5],
    ['a=b=c', 'a', 'b=c'],
    ['x.y-z_1=true', 'x.y-z_1', true],
    ['.a=1', '.a', 1n],
    ['1=2', '1', 2n],
    ['héllo=wörld', 'héllo', 'wörld'],
    ['"a b"=1', 'a b', 1n],
    ["'a=b' = 'c'", 'a=b', 'c'],
    ["a='x'", 'a', 'x'],
    ['a="x"  ', 'a', 'x'],
    ["a='x", 'a', "'x"],
    ['a=0x10', 'a', '0x10'],
    ['a=1e400', 'a', Infinity],
  ])('parseFlagAssign(%j) is [%j, %p]', (arg, key, value) => {
    expect(parseFlagAssign(arg)).toEqual([key, value]);
  });

  test.each([
    ['', 'Missing expected token: one of KEY, QUOTED_STRING'],
    ['   ', 'Missing expected token: one of KEY, QUOTED_STRING'],
    ['a', 'Missing expected token: one of EQUAL, WS_INLINE'],
    ["'a'", 'Missing expected token: one of EQUAL, WS_INLINE'],
    ['a b = 1 2 3', "Unexpected token: 'b'"],
    ['-a=1', "Unexpected token: '-a=1'"],
    ['=1', "Unexpected token: '=1'"],
    ['a:b=1', "Unexpected token: ':b=1'"],
    ["a='x' y", "Unexpected token: 'y'"],
    ["a='x' y z", "Unexpected token: 'y'"],
    ["a='x' 'y' z", 'Unexpected token: "\'y\'"'],
    ["'a=1", 'Unexpected token: "\'a=1"'],
    ['a\n=1', "Unexpected token: '\\n=1'"],
  ])('parseFlagAssign(%j) throws %j', (arg, message) => {
    expect(() => parseFlagAssign(arg)).toThrow(expect.objectContaining({ code: 'ERR_GAGE_FLAG', message, arg }));
  });
});

describe('parseFlagAssigns()', () => {
  test('parseFlagAssigns() keeps the last value of a duplicate key', () => {
    expect(parseFlagAssigns(['x=1', 'y=a', 'x=2.0'])).toEqual({ x: 2.0, y: 'a' });
  });

  test('parseFlagAssigns() returns {} for no arguments', () => {
    expect(parseFlagAssigns([])).toEqual({});
  });

  test('parseFlagAssigns() keeps a __proto__ key as a plain key', () => {
    const config = parseFlagAssigns(['__proto__=1']);
    expect(Object.keys(config)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  test('parseFlagAssigns() throws on the first invalid argument', () => {
    expect(() => parseFlagAssigns(['x=1', 'bad'])).toThrow(expect.objectContaining({ arg: 'bad' }));
  });
});
