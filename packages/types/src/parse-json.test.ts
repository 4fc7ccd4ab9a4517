import { describe, expect, test } from '@jest/globals';
import { parseJson, parseJsonSpans } from './parse-json.js';

describe('parseJson()', () => {
  test('keeps integers and floats apart with {bigint: true}', () => {
    expect(parseJson('{"a": 1, "b": 1.0, "c": 1e3, "d": -0, "e": [2, 2.5]}', { bigint: true })).toEqual({
      a: 1n,
      b: 1,
      c: 1000,
      d: 0n,
      e: [2n, 2.5],
    });
    expect(parseJson('{"a": 1}')).toEqual({ a: 1 });
  });

  test('reads strings, escapes, literals and Python extras', () => {
    expect(parseJson('["a\\"b", "\\u00e9\\ud83d\\ude13", "\\n\\t\\/", true, false, null]')).toEqual([
      'a"b',
      'é😓',
      '\n\t/',
      true,
      false,
      null,
    ]);
    expect(parseJson('[NaN, Infinity, -Infinity]')).toEqual([NaN, Infinity, -Infinity]);
  });

  test('last duplicate key wins and __proto__ is an ordinary key', () => {
    const v = parseJson('{"a": 1, "a": 2, "__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(v.a).toBe(2);
    expect(Object.keys(v)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  test.each([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['  ', 'Expecting value: line 1 column 3 (char 2)'],
    ['{\n    "op": {}  // x\n}', "Expecting ',' delimiter: line 2 column 15 (char 16)"],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{a: 1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a": 1,}', 'Expecting property name enclosed in double quotes: line 1 column 9 (char 8)'],
    ['[1, 2', "Expecting ',' delimiter: line 1 column 6 (char 5)"],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['{} {}', 'Extra data: line 1 column 4 (char 3)'],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\tb"', 'Invalid control character at: line 1 column 3 (char 2)'],
    ['"\\x"', 'Invalid \\escape: line 1 column 2 (char 1)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['é x', 'Expecting value: line 1 column 1 (char 0)'],
  ])('reports %j as Python does', (text, message) => {
    expect(() => parseJson(text)).toThrow(message);
    expect(() => parseJsonSpans(text)).toThrow(message);
  });

  test('errors carry line, column and offset', () => {
    try {
      parseJson('{\n  "a": x}');
      throw new Error('no error');
    } catch (err) {
      expect(err).toMatchObject({ code: 'ERR_GAGE_JSON_SYNTAX', line: 2, column: 8, offset: 9, reason: 'Expecting value' });
    }
  });
});

describe('parseJsonSpans()', () => {
  test('records every scalar leaf under its dotted key, in text order', () => {
    const text = '{"lr": 0.1, "layers": [2, 3], "opt": {"name": "adam", "beta": [0.9, null]}, "on": true}';
    const spans = parseJsonSpans(text);
    expect([...spans.keys()]).toEqual(['lr', 'layers.0', 'layers.1', 'opt.name', 'opt.beta.0', 'opt.beta.1', 'on']);
    expect(spans.get('lr')).toEqual({ start: 7, end: 10, value: 0.1 });
    expect(spans.get('layers.0')).toEqual({ start: 23, end: 24, value: 2n });
    expect(spans.get('opt.name')).toEqual({ start: 46, end: 52, value: 'adam' });
    expect([...spans.values()].map(({ start, end }) => text.slice(start, end))).toEqual(['0.1', '2', '3', '"adam"', '0.9', 'null', 'true']);
  });

  test('a repeated key replaces the earlier entry whole and moves to the end', () => {
    const spans = parseJsonSpans('{"a": {"x": 1}, "b": 2, "a": {"y": 3}}');
    expect([...spans].map(([k, s]) => [k, s.value])).toEqual([['b', 2n], ['a.y', 3n]]);
  });

  test('skips a byte-order mark (offsets count it), gives nothing for a top-level scalar', () => {
    expect(parseJsonSpans('\ufeff[1]')).toEqual(new Map([['0', { start: 2, end: 3, value: 1n }]]));
    expect(parseJsonSpans('"text"')).toEqual(new Map());
    expect(parseJsonSpans('{"": {"a": 1}}')).toEqual(new Map([['a', { start: 11, end: 12, value: 1n }]]));
  });
});
