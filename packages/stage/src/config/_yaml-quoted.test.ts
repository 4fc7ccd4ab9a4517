import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { yamlQuotedValue } from './_yaml-quoted.js';

describe('yamlQuotedValue()', () => {
  test('decodes escapes of double-quoted scalars and doubled quotes of single-quoted ones', () => {
    expect(yamlQuotedValue(String.raw`"a\tb"`)).toBe('a\tb');
    expect(yamlQuotedValue("'it''s'")).toBe("it's");
    expect(yamlQuotedValue(String.raw`'a\n'`)).toBe('a\\n');
    expect(yamlQuotedValue(String.raw`"\x41\u00e9\U0001F600\/\ \N\_\L\P\0\a\e\v"`)).toBe('A\u00e9\u{1F600}/ \u0085\u00a0\u2028\u2029\0\x07\x1b\v');
  });

  test('leaves escapes the parser reports as errors', () => {
    for (const s of [String.raw`"\q"`, String.raw`"\x4"`, String.raw`"\xZZ"`, String.raw`"\UFFFFFFFF"`, String.raw`"\u12"`]) {
      expect({ s, value: yamlQuotedValue(s) }).toEqual({ s, value: undefined });
    }
  });

  test('agrees with the yaml package', () => {
    for (const s of ['""', "''", '"a b"', String.raw`"\"\\"`, String.raw`"\uD83D\uDE00"`, String.raw`"\ud800"`, "'\"'", "''''", String.raw`"\b\f\r\n\t"`]) {
      expect({ s, value: yamlQuotedValue(s) }).toEqual({ s, value: parse(s) });
    }
  });
});
