import { describe, expect, test } from '@jest/globals';
import { fastAndFull, mutate, Random } from './_test-spans.js';
import { fastScanToml } from './_toml-fast-scan.js';
import { parseTomlValue, scanTomlFully } from './_toml-scan.js';

/** Checks the fast scanner against smol-toml and the span scanner on `text`; true when the fast path took it. */
function check(text: string): boolean {
  const r = fastAndFull((t) => fastScanToml(t, parseTomlValue), scanTomlFully, text);
  if (r !== undefined) expect({ text, spans: r.fast }).toEqual({ text, spans: r.full });
  return r !== undefined;
}

/** One-line scalars the fast path reads (smol-toml's small parse for the less common ones). */
const HANDLED = [
  '0',
  '-0',
  '+0',
  '1',
  '-12',
  '+7',
  '99999999999999999999',
  '1.5',
  '-0.0',
  '+1.5',
  '1e3',
  '1E-3',
  '1.5e+3',
  '1_000',
  '1_0.5',
  '0x10',
  '0xdead_beef',
  '0o17',
  '0b101',
  'inf',
  '-inf',
  '+inf',
  'nan',
  '-nan',
  '+nan',
  'true',
  'false',
  '"s"',
  '""',
  '"a b"',
  '"esc\\n\\t\\u00e9\\U0001F600"',
  '"q\\"x"',
  '"back\\\\"',
  "'lit'",
  "''",
  "'a\\b'",
  '"tab\there"',
  "'tab\there'",
  '"é😀"',
  '"a # b"',
];
/** Scalars left to the full path: other kinds, and invalid ones. */
const LEFT = [
  '01',
  '1.',
  '.5',
  '1e',
  '_1',
  '1__0',
  '0x',
  '-0x10',
  'True',
  'yes',
  '"unterminated',
  "'a'b'",
  '"\\q"',
  '"""ml"""',
  "'''ml'''",
  '[1, 2]',
  '{a = 1}',
  '1979-05-27 07:32:00',
  '1979-05-27',
  '07:32:00',
  '1979-05-27T07:32:00Z',
  '1979-05-27T00:32:00.999999-07:00',
  '1979-05-27T07:32:00',
  '1979-05-27t07:32:00z',
  '1979-05-27T00:32:00.999999-0700',
  'nan1',
  'x',
  '"\\uD800"',
  '1979-13-01',
  '"a"b',
  '"\x01"',
  "'\x7f'",
  '1 2',
  '',
];

describe('fastScanToml()', () => {
  test('reads every scalar as smol-toml does and leaves the others to the full path', () => {
    for (const s of [...HANDLED, ...LEFT]) {
      const texts = [`k = ${s}\n`, `k=${s}`, `k = ${s}  # c\r\n`, `[t]\nk =\t${s}\t# c\nz = 1\n`];
      const taken = texts.map(check);
      expect({ s, taken }).toEqual({ s, taken: texts.map(() => HANDLED.includes(s)) });
    }
  });

  test('reads tables, quoted keys, comments and blank lines', () => {
    const texts = [
      '',
      '\n\n',
      '# comment only\n',
      'a = 1\n[t]\nb = 2\n[t.u]\nc = 3\n',
      '[a.b]\nx = 1\n[a]\ny = 2\n',
      '[ a . "b c" . \'d\' ]  # c\nx = 1\n',
      '"q k" = 1\n\'l k\' = 2\n"" = 3\n- = 4\n_ = 5\n1 = 6\n',
      '[""]\na = 1\n',
      '"a.b" = 1\n[a]\nb = 2\n',
      '[a]\nb = 2\n[x]\n"a.b" = 1\n',
      '  a = 1\n\t[t]\n\tb = 2\n',
      'a = 1\r\nb = 2\r\n',
      '["é"]\n"é" = 1\n',
    ];
    for (const text of texts) expect({ text, taken: check(text) }).toEqual({ text, taken: true });
    expect(check('[a]\nb = 2\n[x]\n"a.b" = 1\n')).toBe(true);
  });

  test('reads a large file of commented sections through the fast path', () => {
    const sections = Array.from({ length: 40 }, (_, s) => {
      const keys = Array.from({ length: 50 }, (_, k) => `key_${k} = ${HANDLED[(s * 50 + k) % HANDLED.length]}${k % 7 === 0 ? '  # note' : ''}`);
      return `# section ${s}\n[section_${s}]\n${keys.join('\n')}\n`;
    });
    expect(check(sections.join('\n'))).toBe(true);
  });

  test('leaves other TOML and errors to the full path', () => {
    const texts = [
      'a = 1\na = 2\n',
      '"a" = 1\na = 2\n',
      '[t]\n[t]\n',
      '[t]\na = 1\n[t.a]\n',
      'a = 1\n[a]\n',
      'a = 1\n[a.b]\n',
      '[a.b]\n[a]\nb = 1\n',
      'a.b = 1\n',
      '[[arr]]\nx = 1\n',
      'a = [1, 2]\n',
      'a = {b = 1}\n',
      'a = """\nml"""\n',
      'a = 1#c\n',
      '[t]#c\n',
      'a = 1\rb = 2\n',
      '\ufeffa = 1\n',
      'a = 1 # \x7f\n',
      '__proto__ = 1\n',
      '[__proto__]\n',
      '[t\n',
      '[]\n',
      'a\n',
      '= 1\n',
      'a = 1 b = 2\n',
      '[é]\né = 1\n',
      'a = 1979-05-27\nb = 1\n',
      'a = 1\n-------------- = 1\n',
      'a = 12\n:\n',
    ];
    for (const text of texts) expect({ text, taken: check(text) }).toEqual({ text, taken: false });
  });

  test('agrees with the full path on generated files, and on them with random characters inserted and deleted', () => {
    const random = new Random(5140);
    let taken = 0;
    let mutatedTaken = 0;
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const text = generate(random);
      if (check(text)) taken++;
      if (check(mutate(random, NOISE, text))) mutatedTaken++;
    }
    expect(taken).toBeGreaterThan(count / 4);
    expect(taken).toBeLessThan(count);
    expect(mutatedTaken).toBeGreaterThan(count / 20);
  });
});

const KEYS = ['a', 'b', 'key_1', '"q k"', "'lit k'", '"a.b"', 'a.b', '""', '-', '_', '1', '"é"', 'A-b_9'];
const TABLES = ['s', 't', 's.t', 's."q"', ' s . t ', "'s'", 'x.y.z', '"s"', 's.a'];

/** A random TOML file: mostly the fast path's subset, with mistakes and other TOML mixed in. */
function generate(random: Random): string {
  const eol = random.chance(0.15) ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let section = random.int(4); section >= 0; section--) {
    if (section !== 0 || random.chance(0.3)) {
      const header = random.chance(0.05) ? `[[${random.pick(TABLES)}]]` : `[${random.pick(TABLES)}]`;
      lines.push(header + (random.chance(0.2) ? random.pick(['  # c', ' #c', '#c']) : ''));
    }
    const keys = random.chance(0.1) ? KEYS : [...new Set(Array.from({ length: 1 + random.int(5) }, () => random.pick(KEYS)))];
    for (const key of keys.slice(0, 1 + random.int(5))) {
      if (random.chance(0.1)) lines.push(random.pick(['# comment', '', '  ', '\t# c']));
      const value = random.chance(0.95) ? random.pick(HANDLED) : random.pick(LEFT);
      const comment = random.chance(0.2) ? random.pick(['  # c', ' #c', '\t#\tc', ' # c = d']) : '';
      lines.push(`${random.chance(0.05) ? '  ' : ''}${key}${random.pick([' = ', '=', '  =  '])}${value}${comment}`);
    }
  }
  return lines.join(eol) + (random.chance(0.8) ? eol : '');
}

const NOISE = [...'[]{}=."\'#\\ \t\r\n0123456789.eE+-_xtruefalsinf\x01'];
