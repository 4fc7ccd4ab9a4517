import { describe, expect, test } from '@jest/globals';
import { decodeOpref, encodeOpref } from './opref.js';

describe('encodeOpref()', () => {
  test('writes schema 2 with and without a version', () => {
    expect(encodeOpref({ ns: 'test', name: 'test' })).toBe('2 test test');
    expect(encodeOpref({ ns: 'test', name: 'test', version: '1' })).toBe('2 test test 1');
  });
  test.each([
    [{ ns: '', name: 'x' }, 'opref namespace (op_ns) cannot be empty'],
    [{ ns: 'a b', name: 'x' }, 'opref namespace (op_ns) cannot contain spaces'],
    [{ ns: 'a', name: '' }, 'opref name (op_name) cannot be empty'],
    [{ ns: 'a', name: 'x y' }, 'opref name (op_name) cannot contain spaces'],
    [{ ns: 'a', name: 'x', version: '1 2' }, 'opref version (op_version) cannot contain spaces'],
  ])('rejects %j with the exact message', (opref, message) => {
    expect(() => encodeOpref(opref)).toThrow(message);
  });
});

describe('decodeOpref()', () => {
  test('reads schemas 1 and 2', () => {
    expect(decodeOpref('2 test test')).toEqual({ ns: 'test', name: 'test' });
    expect(decodeOpref('2 test test 1\n')).toEqual({ ns: 'test', name: 'test', version: '1' });
    expect(decodeOpref('1 my-ns my-op')).toEqual({ ns: 'my-ns', name: 'my-op' });
  });
  test.each([
    ['', "invalid opref encoding: ''"],
    ['2', "invalid opref encoding: '2'"],
    ['2 a', "invalid opref encoding: '2 a'"],
    ['2 a b c d', "invalid opref encoding: '2 a b c d'"],
    ['1 my-ns my-op 1', "invalid opref encoding: '1 my-ns my-op 1'"],
    ['3 foobar', "unsupported opref schema: '3 foobar'"],
  ])('rejects %j', (text, message) => {
    expect(() => decodeOpref(text)).toThrow(message);
  });
});
