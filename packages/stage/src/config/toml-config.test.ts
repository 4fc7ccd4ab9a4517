import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'smol-toml';
import { tomlConfigFormat } from './toml-config.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../../test/fixtures/config/train.toml'), 'utf8');
const { read, patch } = tomlConfigFormat;

describe('tomlConfigFormat.read()', () => {
  test('flattens tables, dotted keys, inline tables, arrays and arrays of tables; skips dates', () => {
    expect(read(FIXTURE)).toEqual({
      name: 'mnist',
      lr: 0.1,
      epochs: 10n,
      decay: 1e-5,
      dropout: 0,
      debug: false,
      mask: 255n,
      path: 'C:\\data',
      'dotted.key': 'quoted',
      'site.url': 'http://x',
      notes: 'first line\nsecond line',
      raw: 'raw text',
      'opt.type': 'adam',
      'opt.betas.0': 0.9,
      'opt.betas.1': 0.999,
      'opt.nested.deep': 'x',
      'opt.nested.list.0': 1n,
      'opt.nested.list.1.z': true,
      'layers.0.units': 64n,
      'layers.1.units': 32n,
      'layers.1.act': 'relu',
      'layers.1.extra.size': 3n,
    });
  });

  test('reads integral floats as floats and integers as bigint', () => {
    const config = read('a = 1.0\nb = 1\nc = 1e2\nd = inf\ne = -nan\nf = 1_000\ng = 0o17\n');
    expect(config).toEqual({ a: 1, b: 1n, c: 100, d: Infinity, e: NaN, f: 1000n, g: 15n });
    expect(typeof config['a']).toBe('number');
  });

  test('maps nested arrays of tables and tables under them to the current element', () => {
    const text = '[[a]]\nx = 1\n[[a.b]]\ny = 2\n[[a.b]]\ny = 3\n[a.c]\nz = 4\n[[a]]\nx = 5\n[[a.b]]\ny = 6\n';
    expect(read(text)).toEqual({ 'a.0.x': 1n, 'a.0.b.0.y': 2n, 'a.0.b.1.y': 3n, 'a.0.c.z': 4n, 'a.1.x': 5n, 'a.1.b.0.y': 6n });
  });

  test('reads strings of every kind, quoted keys and multi-line arrays and inline tables', () => {
    const text = [
      '"a.b" = "x\\ty\\u00e9"',
      "'c d' = 'lit\\eral'",
      'e = """',
      'one \\',
      '   two"""',
      "f = '''",
      "it's'''",
      'g = [ # comment',
      '  "x", # more',
      '  [1, 2.5],',
      ']',
      'h = { "k.1" = 1, k2.k3 = "v" }',
      't = 07:32:00',
      'ld = 1979-05-27',
      '',
    ].join('\n');
    expect(read(text)).toEqual({
      'a.b': 'x\tyé',
      'c d': 'lit\\eral',
      e: 'one two',
      f: "it's",
      'g.0': 'x',
      'g.1.0': 1n,
      'g.1.1': 2.5,
      'h.k.1': 1n,
      'h.k2.k3': 'v',
    });
  });

  test('throws ERR_GAGE_CONFIG_SYNTAX with line and column for invalid TOML', () => {
    expect(() => read('a = 1\nb = \n')).toThrow(expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX', line: 2, column: 5 }));
    expect(() => read('a = 1\na = 2\n')).toThrow(/^Invalid TOML syntax: .+ at line 2, column 1$/);
  });

  test('finds the same keys and values as smol-toml', () => {
    const flatten = (value: unknown, key: string, out: Record<string, unknown>): Record<string, unknown> => {
      if (value instanceof Date) return out;
      if (typeof value !== 'object' || value === null) out[key] = value;
      else for (const [k, v] of Object.entries(value)) flatten(v, key === '' ? k : `${key}.${k}`, out);
      return out;
    };
    expect(read(FIXTURE)).toEqual(flatten(parse(FIXTURE, { integersAsBigInt: true }), '', {}));
  });

  test('reads a file with a byte-order mark', () => {
    expect(read('\ufeffa = 1\n')).toEqual({ a: 1n });
    expect(patch('\ufeffa = 1\n', { a: 2n }).text).toBe('\ufeffa = 2\n');
  });

  test('reads an empty file as an empty config', () => {
    expect(read('')).toEqual({});
    expect(read('# only a comment\n')).toEqual({});
  });
});

describe('tomlConfigFormat.patch()', () => {
  test('replaces only the text of the changed values', () => {
    const result = patch(FIXTURE, {
      name: 'fashion',
      lr: 0.25,
      epochs: 20n,
      path: 'D:\\other',
      'dotted.key': 'new',
      'site.url': 'https://y',
      'opt.betas.1': 0.99,
      'opt.nested.list.1.z': false,
      'layers.1.act': 'gelu',
      'layers.1.extra.size': 4n,
    });
    const expected = FIXTURE.replace('name = "mnist"', 'name = "fashion"')
      .replace('lr = 0.1', 'lr = 0.25')
      .replace('epochs = 10', 'epochs = 20')
      .replace("path = 'C:\\data'", "path = 'D:\\other'")
      .replace("= 'quoted'", "= 'new'")
      .replace('"http://x"', '"https://y"')
      .replace('[0.9, 0.999]', '[0.9, 0.99]')
      .replace('z = true', 'z = false')
      .replace('act = "relu"', 'act = "gelu"')
      .replace('size = 3', 'size = 4');
    expect(result).toEqual({ text: expected, warnings: [] });
  });

  test('writes a float with a point or an exponent and an integer without', () => {
    expect(patch('x = 1\n', { x: 2.0 }).text).toBe('x = 2.0\n');
    expect(patch('x = 1.0\n', { x: 2n }).text).toBe('x = 2\n');
    expect(patch('x = 1\n', { x: 1e-5 }).text).toBe('x = 1e-05\n');
    expect(patch('x = 1\n', { x: 1e100 }).text).toBe('x = 1e+100\n');
    expect(patch('x = 1\ny = 1\nz = 1\n', { x: Infinity, y: -Infinity, z: NaN }).text).toBe('x = inf\ny = -inf\nz = nan\n');
    expect(read(patch('x = 1\n', { x: 1e-5 }).text)).toEqual({ x: 1e-5 });
  });

  test('keeps the base of hex, octal and binary integers that are not negative', () => {
    expect(patch('a = 0xff\nb = 0o17\nc = 0b1\nd = 0x1\n', { a: 4096n, b: 8n, c: 5n, d: -1n }).text).toBe('a = 0x1000\nb = 0o10\nc = 0b101\nd = -1\n');
  });

  test('keeps the string kind when it can hold the value, else writes a basic string', () => {
    const text = 'a = \'lit\'\nb = \'\'\'\nml lit\'\'\'\nc = """ml"""\nd = "basic"\n';
    expect(patch(text, { a: 'x\\y', b: 'two\nlines', c: 'a\n"b"', d: 'é\t' }).text).toBe(
      'a = \'x\\y\'\nb = \'\'\'two\nlines\'\'\'\nc = """a\n\\"b\\""""\nd = "é\\t"\n',
    );
    expect(patch(text, { a: "it's", b: "ends with '" }).text).toBe('a = "it\'s"\nb = """ends with \'"""\nc = """ml"""\nd = "basic"\n');
    expect(patch(text, { a: 'a\nb' }).text).toBe('a = "a\\nb"\nb = \'\'\'\nml lit\'\'\'\nc = """ml"""\nd = "basic"\n');
  });

  test('writes strings that read back to the same value in every string kind', () => {
    const strings = ['it\'s "q"', 'back\\slash', 'two\nlines', '\nleading break', '\r\nleading crlf', 'cr\r\nlf', 'lone\rcr', 'tab\t', 'Buenos días 😓',
      '\u0000\u001f\u007f', '', "'''", '"""', "end'", 'end"'];
    const text = 'a = \'x\'\nb = \'\'\'x\'\'\'\nc = """x"""\nd = "x"\ne = 1\n';
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      for (const s of strings) expect([key, s, read(patch(text, { [key]: s }).text)]).toEqual([key, s, { ...read(text), [key]: s }]);
    }
  });

  test('keeps CRLF line endings', () => {
    const text = 'a = 1 # one\r\n[t]\r\nb = """\r\nx\r\ny"""\r\nc = [1, 2]\r\n';
    expect(patch(text, { a: 1.5, 't.b': 'p\r\nq', 't.c.1': 3n }).text).toBe('a = 1.5 # one\r\n[t]\r\nb = """p\r\nq"""\r\nc = [1, 3]\r\n');
  });

  test('leaves the text byte-identical when no value changed', () => {
    expect(patch(FIXTURE, read(FIXTURE))).toEqual({ text: FIXTURE, warnings: [] });
  });

  test('ignores keys the file lacks, dates and non-leaf keys', () => {
    expect(patch(FIXTURE, { missing: 1n, when: 'x', opt: 'x', 'layers.0': 1n, 'layers.2.units': 1n }).text).toBe(FIXTURE);
  });

  test('warns and leaves the key unchanged for null and integers beyond 64 bits', () => {
    expect(patch('a = 1\nb = 2\nc = 3\n', { a: null, b: 2n ** 63n, c: -(2n ** 63n) })).toEqual({
      text: 'a = 1\nb = 2\nc = -9223372036854775808\n',
      warnings: [
        'a: cannot write null to a TOML file (TOML has no null); value left unchanged',
        'b: cannot write 9223372036854775808 to a TOML file (integers are 64-bit); value left unchanged',
      ],
    });
  });
});
