import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseJson } from '@gage/types';
import { fastScanJson } from './_json-fast-scan.js';
import { scanJson } from './_json-scan.js';
import { fastAndFull, mutate, Random } from './_test-spans.js';

/** The full path of `jsonConfigFormat`: parseJson validates, scanJson reads. */
function scanJsonFully(text: string): ReturnType<typeof scanJson> {
  parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { bigint: true });
  return scanJson(text);
}

/** Checks the fast scanner against the full path on `text`; true when the fast path took it. */
function check(text: string): boolean {
  const r = fastAndFull(fastScanJson, scanJsonFully, text);
  if (r !== undefined) expect({ text, spans: r.fast }).toEqual({ text, spans: r.full });
  return r !== undefined;
}

const SCALARS = [
  '0', '-0', '1', '-1', '12345678901234567890', '1.5', '-0.0', '1e5', '1E+5', '1e-5', '0.5e-3', '1.0', '1e400', '-1e400',
  'true', 'false', 'null', 'NaN', 'Infinity', '-Infinity',
  '""', '"a"', '"a b"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\u20AC"', '"\\ud83d\\ude00"', '"\\ud800"', '"😀 días"', '"a.b"',
];
const INVALID = [
  '01', '1.', '.5', '+1', '-', '--1', '1e', '1e+', 'tru', 'nul', 'nan', 'inf', '-NaN', '"unterminated', '"\\q"', '"\\u12"', '"\\u12x4"',
  '"a\tb"', '"a\nb"', '"\x01"', "'a'", 'undefined', '1 2', '[1,]', '{}x', '1.5.2', '0x10',
];

describe('fastScanJson()', () => {
  test('reads every scalar as the full path does and leaves invalid ones to it', () => {
    for (const s of SCALARS) {
      for (const text of [`{"k": ${s}}`, `[${s}]`, `{"a": [1, {"k": ${s}}], "b": ${s}}\n`, ` \r\n\t{ "k" :${s} } \n`]) {
        expect({ text, taken: check(text) }).toEqual({ text, taken: true });
      }
    }
    for (const s of INVALID) {
      for (const text of [`{"k": ${s}}`, `[${s}]`, `{"a": [1, {"k": ${s}}], "b": 2}\n`]) {
        expect({ text, taken: check(text) }).toEqual({ text, taken: false });
      }
    }
  });

  test('reads nested objects and arrays, empty ones, escaped keys and a byte-order mark', () => {
    const fixture = readFileSync(join(import.meta.dirname, '../../test/fixtures/config/train.json'), 'utf8');
    const texts = [
      fixture,
      '{}', '[]', ' {} ', '[[]]', '{"a": {}, "b": [], "c": [[], {}], "d": 1}', '[[1, [2, [3]]], {"x": {"y": {"z": null}}}]',
      '\ufeff{"a": 1}', '{"": {"a": 1}, "b": {"": 2}}', '{"a.b": 1, "a": {"b": 2}}', '{"a": {"b": 2}, "a.b": 1}',
      '{"k\\u00e9y": 1, "k\\"q": 2, "__proto__": 3}', '{"a":1,"b":[true,false,null]}',
    ];
    for (const text of texts) expect({ text, taken: check(text) }).toEqual({ text, taken: true });
  });

  test('reads a large file of sections through the fast path', () => {
    const sections = Array.from({ length: 40 }, (_, s) => {
      const keys = Array.from({ length: 50 }, (_, k) => `    "key_${k}": ${SCALARS[(s * 50 + k) % SCALARS.length]}`);
      return `  "section_${s}": {\n${keys.join(',\n')}\n  }`;
    });
    expect(check(`{\n${sections.join(',\n')}\n}\n`)).toBe(true);
  });

  test('leaves errors, duplicate keys and top-level scalars to the full path', () => {
    const texts = [
      '', '   ', '1', '"text"', 'null', '{', '[', '}', '{"a": 1', '[1, 2', '{"a": 1}}', '{"a": 1} x', '{"a" 1}', '{"a": 1 "b": 2}', '[1 2]', '{"a":}',
      '{"a": [1}', '[}', '{]', '{,}', '[,]', '{"a": 1,}', '{a: 1}', "{'a': 1}", '{"a": 1}\ufeff', '\ufeff\ufeff{}',
      '{"a": 1, "a": 2}', '{"a": {"x": 1}, "b": 2, "a": {"y": 3}}', '[{"a": 1, "a": 1}]',
    ];
    for (const text of texts) expect({ text, taken: check(text) }).toEqual({ text, taken: false });
  });

  test('agrees with the full path on generated files, and on them with random characters inserted and deleted', () => {
    const random = new Random(2026);
    let taken = 0;
    let mutatedTaken = 0;
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const text = container(random, 0);
      expect({ text, taken: check(text) }).toEqual({ text, taken: true });
      if (check(mutate(random, NOISE, text))) mutatedTaken++;
      taken++;
    }
    expect(taken).toBe(count);
    expect(mutatedTaken).toBeGreaterThan(count / 20);
  });
});

const KEYS = ['a', 'b', 'c', 'a.b', '', 'k\\u00e9', 'q\\"', 'x y', '__proto__'];

/** A random object or array without duplicate keys, with random whitespace. */
function container(random: Random, depth: number): string {
  const ws = (): string => random.pick(['', '', ' ', '\n  ', '\r\n', '\t']);
  const value = (): string => (depth < 3 && random.chance(0.3) ? container(random, depth + 1) : random.pick(SCALARS));
  const n = random.int(5);
  if (random.chance(0.5)) return `[${ws()}${Array.from({ length: n }, () => value() + ws()).join(',' + ws())}]`;
  const keys = [...new Set(Array.from({ length: n }, () => random.pick(KEYS)))];
  return `{${ws()}${keys.map((k) => `"${k}"${ws()}:${ws()}${value()}${ws()}`).join(',' + ws())}}`;
}

const NOISE = [...'{}[],:"\\ \n\t0123456789.eE+-truefalsnNIy\x01'];
