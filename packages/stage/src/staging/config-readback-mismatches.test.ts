import { describe, expect, test } from '@jest/globals';
import type { ConfigFormat } from '../config/config-format.js';
import { jsonConfigFormat } from '../config/json-config.js';
import { pythonConfigFormat } from '../config/python-config-format.js';
import { configReadbackMismatches } from './config-readback-mismatches.js';

/** The JSON reader with a patcher made to disagree with it: it writes every value plus one. */
const offByOne: ConfigFormat = {
  name: 'json',
  read: jsonConfigFormat.read,
  patch: (text, values) => jsonConfigFormat.patch(text, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'bigint' ? v + 1n : v]))),
};

describe('configReadbackMismatches() (decision 14)', () => {
  test('finds every key whose file value differs from the config, with both values', () => {
    const text = offByOne.patch('{"a": 1, "b": "x", "c": 2}', { a: 5n, b: 'y' }).text;
    expect(text).toBe('{"a": 6, "b": "y", "c": 2}');
    expect(configReadbackMismatches([{ path: 'c.json', format: offByOne, text, keys: ['a', 'b', 'c'] }], { a: 5n, b: 'y' })).toEqual([
      { path: 'c.json', key: 'a', expected: 5n, actual: 6n },
    ]);
  });

  test('a matching pair gives no mismatch', () => {
    const text = jsonConfigFormat.patch('{"a": 1, "f": 1.5}', { a: 5n, f: 2 }).text;
    expect(configReadbackMismatches([{ path: 'c.json', format: jsonConfigFormat, text, keys: ['a', 'f'] }], { a: 5n, f: 2 })).toEqual([]);
  });

  test('types count: an integer is not a float, -0.0 is not 0.0; NaN equals NaN', () => {
    const file = (text: string) => [{ path: 'p.py', format: pythonConfigFormat, text, keys: ['x'] }];
    expect(configReadbackMismatches(file('x = 1\n'), { x: 1 })).toEqual([{ path: 'p.py', key: 'x', expected: 1, actual: 1n }]);
    expect(configReadbackMismatches(file('x = 0.0\n'), { x: -0 })).toHaveLength(1);
    expect(configReadbackMismatches(file("x = float('nan')\n"), { x: NaN })).toHaveLength(1); // not a literal: the key is gone
    expect(configReadbackMismatches(file('x = 1e999\n'), { x: Infinity })).toEqual([]);
  });

  test('a key the file lost is a mismatch; keys the config does not set are not compared', () => {
    expect(configReadbackMismatches([{ path: 'c.json', format: jsonConfigFormat, text: '{"b": 1}', keys: ['a', 'b'] }], { a: 1n })).toEqual([
      { path: 'c.json', key: 'a', expected: 1n, actual: undefined },
    ]);
  });
});
