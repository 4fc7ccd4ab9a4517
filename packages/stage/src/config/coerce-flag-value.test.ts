import { describe, expect, test } from '@jest/globals';
import { coerceFlagValue } from './coerce-flag-value.js';
import { parseRunFlag } from './parse-run-flag.js';

const coerce = (arg: string, def: Parameters<typeof coerceFlagValue>[1], force = false) => coerceFlagValue(parseRunFlag(arg), def, { force });

describe('coerceFlagValue() (decision 17)', () => {
  test('an integer for a float default becomes that float', () => {
    const v = coerce('lr=1', 0.1);
    expect(v).toBe(1);
    expect(typeof v).toBe('number');
    expect(coerce('lr=-3', 0.5)).toBe(-3);
  });

  test('an integer the float cannot hold exactly stays an integer', () => {
    expect(coerce('n=12345678901234567891', 0.5)).toBe(12345678901234567891n);
  });

  test('a number, bool or null for a string default becomes the text as typed', () => {
    expect(coerce('name=123', 'x')).toBe('123');
    expect(coerce('name=1.50', 'x')).toBe('1.50');
    expect(coerce('name = true ', 'x')).toBe('true');
    expect(coerce('name=null', 'x')).toBe('null');
    expect(coerce("name='quoted 1'", 'x')).toBe('quoted 1');
  });

  test('bool words for a bool default become the bool, in any case', () => {
    for (const [word, b] of [['true', true], ['no', false], ['Yes', true], ['OFF', false], ['on', true], ['False', false]] as const) {
      expect(coerce(`amp=${word}`, false)).toBe(b);
    }
  });

  test('a word for a number or bool default is refused, naming flag, value and type', () => {
    expect(() => coerce('lr=abc', 0.1)).toThrow("Invalid value 'abc' for flag lr: expected a float");
    expect(() => coerce('epochs=many', 5n)).toThrow("Invalid value 'many' for flag epochs: expected an integer");
    expect(() => coerce('amp=maybe', true)).toThrow("Invalid value 'maybe' for flag amp: expected a boolean");
    try {
      coerce('lr=abc', 0.1);
    } catch (err) {
      expect((err as { code: string }).code).toBe('ERR_GAGE_FLAG_VALUE');
    }
  });

  test('with force the word is kept as a string', () => {
    expect(coerce('lr=abc', 0.1, true)).toBe('abc');
  });

  test('anything else keeps its own type', () => {
    expect(coerce('epochs=2.5', 5n)).toBe(2.5);
    expect(coerce('epochs=null', 5n)).toBeNull();
    expect(coerce('amp=1', false)).toBe(1n);
    expect(coerce('x=abc', null)).toBe('abc');
    expect(coerce('x=1', undefined)).toBe(1n);
  });
});
