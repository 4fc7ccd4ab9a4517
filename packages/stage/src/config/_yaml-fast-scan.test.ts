import { describe, expect, test } from '@jest/globals';
import type { Config, ConfigValue } from '@gage/types';
import { fastAndFull, mutate, Random } from './_test-spans.js';
import { patchScalarSpans, spansToConfig } from './_toml-json-yaml-edits.js';
import { encodeYamlScalar } from './_yaml-encode.js';
import { fastScanYaml } from './_yaml-fast-scan.js';
import { scanYamlFully } from './_yaml-scan.js';
import { yamlConfigFormat } from './yaml-config.js';

/** Checks the fast scanner against the yaml package on `text`; true when the fast path took it. */
function check(text: string): boolean {
  const r = fastAndFull(fastScanYaml, scanYamlFully, text);
  if (r !== undefined) expect({ text, spans: r.fast }).toEqual({ text, spans: r.full });
  return r !== undefined;
}

/** Scalars the fast path reads itself (as values). */
const HANDLED = [
  'yes',
  'no',
  'on',
  'off',
  'Yes',
  'NO',
  'On',
  'OFF',
  'y',
  'n',
  'Y',
  'N',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'tRue',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  '0',
  '-0',
  '+0',
  '1',
  '-1',
  '+1',
  '12',
  '007',
  '08',
  '09',
  '0o17',
  '0x10',
  '0xff',
  '0xFF',
  '0X10',
  '0b101',
  '-0b11',
  '00',
  '1_000',
  '1__0',
  '_1',
  '1_',
  '-0x1f',
  '+0b1',
  '0o_',
  '-012',
  '12345678901234567890123',
  '1.5',
  '-1.5',
  '+1.5',
  '.5',
  '-.5',
  '1.',
  '1.0',
  '0.0',
  '-0.0',
  '1.5e3',
  '1e3',
  '1E3',
  '1e+3',
  '1e-3',
  '1.0e-05',
  '1.e5',
  '.e5',
  'e5',
  'E5',
  '-e5',
  '1e',
  '12e',
  '1_0.5',
  '1.2.3',
  '1e400',
  '-1e400',
  '0.1e-400',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '.INF',
  '.nan',
  '.NaN',
  '.NAN',
  '-.nan',
  'inf',
  'nan',
  'NaN',
  '.',
  '..',
  '...',
  '.x',
  '._',
  '1999',
  '3rd',
  '10px',
  'v1.0',
  'name-5',
  'a b',
  'a  b',
  'a b c',
  'a#b',
  'a:b',
  'http://x.y/z?q=1#f',
  'a,b',
  'a, b',
  'a b:c',
  'a #b',
  '#x',
  '"quoted"',
  '"yes"',
  '"1"',
  '"a\\"b"',
  '"\\t\\n\\\\"',
  '"\\x41\\u00e9\\U0001F600"',
  '"\\/"',
  '"\\ "',
  '"\\N\\_\\L\\P\\0\\a\\e\\v\\b\\f\\r"',
  '"\\uD800"',
  '"a # b"',
  '""',
  "''",
  "'single'",
  "'it''s'",
  "'a\"b'",
  "'\\n'",
  "'  '",
  '"  "',
  '-x',
  '-1',
  '-.5',
  'Ünïcode',
  '😀',
  '~x',
  '_',
  '=',
  'a=b',
  'a|b',
  'a>b',
  'a&b',
  'a*b',
  'a!b',
  'a%b',
  'a@b',
  'a`b',
  "a'b",
  'a"b',
];

/** Scalars left to the yaml package (or invalid), as values. */
const LEFT = [
  '0x_',
  '0b_',
  '0_',
  '1:30',
  '-1:30',
  '190:20:30',
  '1:30.5',
  '1:3',
  '12:60',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10',
  '2001-1-1x',
  'a: b',
  'a:',
  '[1, 2]',
  '{a: 1}',
  'a]',
  'a}',
  '"\\q"',
  '"\\x4"',
  '"\\UFFFFFFFF"',
  '"unterminated',
  "'unterminated",
  '"a" b',
  "'a'b'",
  '&anchor x',
  '*alias',
  '!!str 12',
  '!tag x',
  '|',
  '>',
  '|-',
  '- x',
  '-',
  '?x',
  '? x',
  ':x',
  '%x',
  '@x',
  '`x',
  ',x',
  'a\u00a0b',
  'x\ty',
  '\tx',
  '"x\ty"',
  '<<',
  'a\u2028b',
  'a\x85b',
  '\ufeffx',
  'a\x01',
  '[',
  '{',
  'a[0',
  '--x',
];

describe('fastScanYaml()', () => {
  test('reads every scalar as the yaml package does, or leaves it to it', () => {
    for (const s of [...HANDLED, ...LEFT]) {
      const taken = [`k: ${s}\n`, `k: ${s}  # c\n`, `k:   ${s}\r\n`, `k: ${s}`, `a:\n  k: ${s}  \n  z: 1\n`].map(check);
      expect({ s, taken }).toEqual({ s, taken: taken.map(() => HANDLED.includes(s)) });
    }
  });

  test('reads every scalar as a key as the yaml package does, or leaves it to it', () => {
    for (const s of [...HANDLED, ...LEFT]) {
      for (const text of [`${s}: 1\n`, `${s}:\n  a: 1\n`, `x: 0\n${s}: 1\n${s}: 2\n`, `m:\n  ${s}:\n    n: 1\n  o: 2\n`]) check(text);
    }
    expect(check('yes: 1\nnull: 2\n1: 3\n1.5: 4\n"1": 5\nok: 6\n')).toBe(true);
    expect(check('1: {a: 1}\n')).toBe(false);
  });

  test('reads nested mappings, comments, blank lines, empty values and a document start', () => {
    const texts = [
      '',
      '\n\n',
      '# only a comment\n',
      '---\n',
      '--- # doc\na: 1\n',
      '# c\n---\na: 1\n',
      'a:\n',
      'a:',
      'a:   \n',
      'a:  # c\n',
      'a:\n  # c\nb:',
      'a:\nb: 1\n',
      'a:\r\nb: 1\r\n',
      'a: 1\r\nb:\r\n  c: x\r\n',
      'opt:\n  lr: 0.1  # rate\n  deep:\n    x: 1\n    y:\n  z: 2\nw: 3\n',
      'a:\n    b: 1\n    c:\n      d: 2\n    e: 3\n',
      'a: # comment\n  b: 1\n',
      'a:\n # less indented comment\n  b: 1\n#x\n',
      '  a: 1\n  b: 2\n',
      'a b: 1\n"c d": 2\n\'e\': 3\n',
      'a.b: 1\na:\n  b: 2\n',
      'a:\n  b: 2\na.b: 1\n',
      'x: 1   \ny: two words   # c # d\n',
      'k: "a # b" # c\n',
      'a  : 1\n"b" : 2\n\'c\' :\n  d: 3\n',
      '"": 1\n"x":\n  "": 2\n',
      'a.b.c: 1\nkey with spaces: v w\n',
      '__proto__: 1\n',
    ];
    for (const text of texts) check(text);
    for (const text of texts.slice(0, -1)) expect({ text, taken: check(text) }).toEqual({ text, taken: true });
  });

  test('leaves to the yaml package what it does not fully handle, errors included', () => {
    const texts = [
      'a: 1\na: 2\n',
      'a: 1\n"a": 2\n',
      'yes: 1\ntrue: 2\n',
      'a: 1\n  b: 2\n',
      'a:\n    b: 1\n  c: 2\n',
      '  a: 1\nb: 2\n',
      'a: b\n  c\n',
      'a:\n  text\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: yes\n',
      'a:\n- 1\n- 2\n',
      'a:\n  - 1\n',
      'a: [1, 2]\n',
      'a: {b: 1}\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 12\n',
      'a: |\n  text\n',
      'a: >-\n  text\n',
      'a: "multi\n  line"\n',
      'a:\tb\n',
      '\ta: 1\n',
      'a: 1\rb: 2\n',
      '\ufeffa: 1\n',
      'a:b\n',
      'a:#c\n',
      'a: "x"#c\n',
      '? a\n: b\n',
      '<<: {a: 1}\n',
      `${'k'.repeat(1100)}: 1\n`,
      '- a\n',
      'just a scalar\n',
    ];
    for (const text of texts) expect({ text, taken: check(text) }).toEqual({ text, taken: false });
  });

  test('agrees with the yaml package on generated files', () => {
    const random = new Random(20261125);
    let taken = 0;
    const count = 3000;
    for (let i = 0; i < count; i++) if (check(generate(random))) taken++;
    expect(taken).toBeGreaterThan(count / 4);
    expect(taken).toBeLessThan(count);
  });

  test('agrees with the yaml package on generated files with random characters inserted and deleted', () => {
    const random = new Random(1125);
    let taken = 0;
    const count = 3000;
    for (let i = 0; i < count; i++) if (check(mutate(random, NOISE, generate(random)))) taken++;
    expect(taken).toBeGreaterThan(count / 10);
  });

  test('reads and patches through yamlConfigFormat exactly as through the yaml package', () => {
    const text = benchLikeFile(3000);
    const spans = fastScanYaml(text);
    expect(spans).toBeDefined();
    const full = scanYamlFully(text);
    const config = yamlConfigFormat.read(text);
    expect(config).toEqual(spansToConfig(full));
    const values: Config = Object.fromEntries(Object.entries(config).filter((_, i) => i % 30 === 0).map(([k, v]) => [k, changed(v)]));
    const expected = patchScalarSpans(text, full, values, (span, value) => encodeYamlScalar(text, span, value));
    expect(yamlConfigFormat.patch(text, values)).toEqual(expected);
    expect(expected.text).not.toBe(text);
  });
});

function changed(v: ConfigValue): ConfigValue {
  if (typeof v === 'bigint') return v + 1n;
  if (typeof v === 'number') return v * 2 + 0.5;
  if (typeof v === 'boolean') return !v;
  if (v === null) return 'was null';
  return `${String(v)}-patched`;
}

/** A config file like the benchmark's: sections of keys with every kind of scalar, comments, CRLF in places. */
function benchLikeFile(lines: number): string {
  const out: string[] = [];
  const random = new Random(7);
  for (let s = 0; out.length < lines; s++) {
    out.push(`# section ${s}`, `section_${s}:`);
    for (let k = 0; k < 50; k++) {
      const value = random.pick([...HANDLED.filter((v) => !v.startsWith('-x')), '']);
      out.push(`  key_${k}:${value === '' ? '' : ' ' + value}${random.chance(0.2) ? '  # note' : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

const KEYS = ['a', 'b', 'c', 'a.b', 'my key', '"q k"', "'s k'", 'yes', 'null', '1', '0x10', '~', 'on', 'y', 'e5', 'x#y', 'u:v', '-k', '<<', '"<<"', 'Ünï',
  '"a\\tb"'];

/** A random YAML file: mostly the fast path's subset, with mistakes and other YAML mixed in. */
function generate(random: Random): string {
  const eol = random.chance(0.15) ? '\r\n' : '\n';
  const lines: string[] = [];
  if (random.chance(0.1)) lines.push(random.pick(['---', '--- # doc', '%YAML 1.1\n---', '--- a']));
  mapping(random, random.chance(0.9) ? 0 : 2, 0, lines);
  if (random.chance(0.05)) lines.push(random.pick(['---', '...', '- x', 'z: [1]', 'z: |\n  t', '\tz: 1']));
  return lines.join(eol) + (random.chance(0.8) ? eol : '');
}

const NOISE = [...': -#\'"\t\r\n[]{}&*!|>%@`,?~.0123abcyne\\_+'];

function mapping(random: Random, indent: number, depth: number, lines: string[]): void {
  const n = 1 + random.int(5);
  for (let i = 0; i < n; i++) {
    if (random.chance(0.1)) lines.push(' '.repeat(random.int(6)) + '# comment');
    if (random.chance(0.1)) lines.push(' '.repeat(random.int(3)));
    const pad = ' '.repeat(random.chance(0.03) ? Math.max(0, indent + random.pick([-1, 1])) : indent);
    const key = random.chance(0.8) ? `k${i}` : random.pick(KEYS);
    const comment = random.chance(0.2) ? random.pick(['  # c', ' #c', ' # c: d', '  # c', ' #c', ' # c: d', '#c']) : '';
    if (depth < 3 && random.chance(0.25)) {
      lines.push(`${pad}${key}:${comment}`);
      mapping(random, indent + random.pick([1, 2, 2, 2, 4]), depth + 1, lines);
    } else {
      const value = random.chance(0.1) ? '' : random.chance(0.95) ? random.pick(HANDLED) : random.pick(LEFT);
      const gap = random.chance(0.02) ? '\t' : random.pick([' ', '  ']);
      lines.push(`${pad}${key}:${value === '' ? '' : gap + value}${random.chance(0.1) ? '  ' : ''}${comment}`);
    }
  }
}
