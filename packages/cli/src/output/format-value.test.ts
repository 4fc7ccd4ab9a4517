import { describe, expect, test } from '@jest/globals';
import { encodeJson } from './encode-json.js';
import { formatDateTime, formatRelativeTime, formatSize } from './format-time.js';
import { formatFloat, formatValue } from './format-value.js';

describe('formatValue()', () => {
  test('formats values as docs/spec/cli.md 1.7 says', () => {
    expect(formatValue('a b')).toBe('a b');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('');
    expect(formatValue(12345678901234567890n)).toBe('12345678901234567890');
    expect(formatValue([1n, 'x'])).toBe('1, x');
    expect(formatValue({ value: 0.5 })).toBe('0.5');
  });

  test('an object holding integers (bigint) is written as compact JSON, not a crash', () => {
    expect(formatValue({ b: 1n, c: { d: [2n, 0.5, null] } })).toBe('{"b":1,"c":{"d":[2,0.5,null]}}');
    expect(formatValue([{ x: 1n }, 3n])).toBe('{"x":1}, 3');
  });

  test('floats use %.4g', () => {
    expect(formatFloat(0.1)).toBe('0.1');
    expect(formatFloat(4.567)).toBe('4.567');
    expect(formatFloat(2 / 3)).toBe('0.6667');
    expect(formatFloat(123456)).toBe('1.235e+05');
    expect(formatFloat(1234.56)).toBe('1234.6');
    expect(formatFloat(12345)).toBe('1.234e+04');
    expect(formatFloat(0.0001)).toBe('0.0001');
    expect(formatFloat(0.00001234)).toBe('1.234e-05');
    expect(formatFloat(-2.5)).toBe('-2.5');
    expect(formatFloat(Infinity)).toBe('inf');
    expect(formatFloat(NaN)).toBe('nan');
  });

  test('a float never reads as an integer (decision 17)', () => {
    expect(formatFloat(1)).toBe('1.0');
    expect(formatFloat(1234)).toBe('1234.0');
    expect(formatFloat(1234.5)).toBe('1234.5');
    expect(formatFloat(0)).toBe('0.0');
    expect(formatFloat(-0)).toBe('-0.0');
    expect(formatFloat(-3)).toBe('-3.0');
    expect(formatValue(2.0)).toBe('2.0');
    expect(formatValue(2n)).toBe('2');
  });
});

describe('formatRelativeTime()', () => {
  const now = 1_700_000_000_000;
  test.each([
    [0.5, 'now'],
    [1, 'a second ago'],
    [5, '5 seconds ago'],
    [60, 'a minute ago'],
    [150, '2 minutes ago'],
    [3600, 'an hour ago'],
    [7200, '2 hours ago'],
    [86400, 'a day ago'],
    [3 * 86400, '3 days ago'],
    [31 * 86400, 'a month ago'],
    [70 * 86400, '2 months ago'],
    [366 * 86400, 'a year ago'],
    [800 * 86400, '2 years ago'],
  ])('%s seconds -> %s', (s, text) => {
    expect(formatRelativeTime(now - s * 1000, now)).toBe(text);
  });
});

describe('formatDateTime() and formatSize()', () => {
  test('local date time', () => {
    expect(formatDateTime(new Date(2024, 5, 12, 14, 3, 27).getTime())).toBe('2024-06-12 14:03:27');
  });

  test('sizes', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(999)).toBe('999 B');
    expect(formatSize(1000)).toBe('1.0 kB');
    expect(formatSize(2_500_000)).toBe('2.5 MB');
    expect(formatSize(1_200_000_000)).toBe('1.2 GB');
  });
});

describe('encodeJson()', () => {
  test('2-space indent, insertion order, bigint integers, python floats, one trailing newline', () => {
    expect(encodeJson({ b: 1n, a: 1, c: [], d: {}, e: null, f: 'é', g: [0.5, 2n ** 70n] })).toBe(
      '{\n  "b": 1,\n  "a": 1.0,\n  "c": [],\n  "d": {},\n  "e": null,\n  "f": "é",\n  "g": [\n    0.5,\n    1180591620717411303424\n  ]\n}\n',
    );
    expect(encodeJson([])).toBe('[]\n');
  });
});
