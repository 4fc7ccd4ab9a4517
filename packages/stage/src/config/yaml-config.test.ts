import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { yamlConfigFormat } from './yaml-config.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../../test/fixtures/config/train.yaml'), 'utf8');
const { read, patch } = yamlConfigFormat;

describe('yamlConfigFormat.read()', () => {
  test('flattens mappings and sequences; skips aliases, dates and non-string keys', () => {
    expect(read(FIXTURE)).toEqual({
      name: 'mnist',
      lr: 0.1,
      epochs: 10n,
      decay: 1e-5,
      dropout: 0,
      debug: false,
      seed: null,
      greeting: "hello 'world'",
      quoted: 'a\tb',
      notes: 'first line\nsecond line\n',
      folded: 'some folded text',
      'opt.type': 'adam',
      'opt.betas.0': 0.9,
      'opt.betas.1': 0.999,
      'opt.nested.deep': 'x',
      'opt.nested.quoted key': 1n,
      'layers.0': 64n,
      'layers.1.units': 32n,
      'layers.1.act': 'relu',
      'layers.2': 'tail',
      'base.size': 3n,
      y: 2n,
    });
  });

  test('uses YAML 1.1 scalars as Gage (Python) reads them', () => {
    expect(read('a: yes\nb: Off\nc: 1e3\nd: +1.5e3\ne: 010\nf: 0x1F\ng: .inf\nh: -.Inf\ni: y\nj: n\nk: 1_000\nl: 1.0\n')).toEqual({
      a: true,
      b: false,
      c: 1000,
      d: 1500,
      e: 8n,
      f: 31n,
      g: Infinity,
      h: -Infinity,
      i: 'y',
      j: 'n',
      k: 1000n,
      l: 1,
    });
    expect(typeof read('a: 1e3\n')['a']).toBe('number');
  });

  test('reads an empty file, a comment-only file and a top-level sequence', () => {
    expect(read('')).toEqual({});
    expect(read('# nothing\n')).toEqual({});
    expect(read('- 1\n- [a]\n')).toEqual({ '0': 1n, '1.0': 'a' });
  });

  test('throws ERR_GAGE_CONFIG_SYNTAX with line and column for invalid YAML', () => {
    expect(() => read('a: 1\nb: [1\n')).toThrow(expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX', line: 3, column: 1 }));
    expect(() => read('a: 1\na: 2\n')).toThrow('Invalid YAML syntax: Map keys must be unique at line 2, column 1');
    expect(() => read('a: 1\n---\nb: 2\n')).toThrow(expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX' }));
  });
});

describe('yamlConfigFormat.patch()', () => {
  test('replaces only the text of the changed values', () => {
    const result = patch(FIXTURE, {
      name: 'fashion',
      lr: 0.25,
      epochs: 20n,
      debug: true,
      seed: 7n,
      greeting: 'bye',
      quoted: 'c"d',
      'opt.betas.1': 0.99,
      'opt.nested.deep': 'z',
      'layers.1.units': 16n,
      'base.size': 4n,
    });
    const expected = FIXTURE.replace('name: mnist ', 'name: fashion ')
      .replace('lr: 0.1', 'lr: 0.25')
      .replace('epochs: 10', 'epochs: 20')
      .replace('debug: no', 'debug: true')
      .replace('seed: ~', 'seed: 7')
      .replace("greeting: 'hello ''world'''", "greeting: 'bye'")
      .replace('quoted: "a\\tb"', 'quoted: "c\\"d"')
      .replace('[0.9, 0.999]', '[0.9, 0.99]')
      .replace('{deep: x,', '{deep: z,')
      .replace('units: 32', 'units: 16')
      .replace('size: 3', 'size: 4');
    expect(result).toEqual({ text: expected, warnings: [] });
  });

  test('writes a float with a point or an exponent and an integer without', () => {
    expect(patch('x: 1\n', { x: 2.0 }).text).toBe('x: 2.0\n');
    expect(patch('x: 1.0\n', { x: 2n }).text).toBe('x: 2\n');
    expect(patch('x: 1\n', { x: 1e-5 }).text).toBe('x: 1.0e-05\n');
    expect(patch('x: 1\n', { x: 1.5e16 }).text).toBe('x: 1.5e+16\n');
    expect(patch('x: 1\ny: 1\nz: 1\n', { x: Infinity, y: -Infinity, z: NaN }).text).toBe('x: .inf\ny: -.inf\nz: .nan\n');
    expect(read(patch('x: 1\n', { x: 1e-5 }).text)).toEqual({ x: 1e-5 });
  });

  test('double-quotes a new plain string that would read back as another type or holds special characters', () => {
    const cases: [string, string][] = [
      ['true', '"true"'],
      ['yes', '"yes"'],
      ['y', '"y"'],
      ['1', '"1"'],
      ['1.5', '"1.5"'],
      ['null', '"null"'],
      ['~', '"~"'],
      ['', '""'],
      ['a: b', '"a: b"'],
      ['a #b', '"a #b"'],
      [' pad', '" pad"'],
      ['- x', '"- x"'],
      ['[x]', '"[x]"'],
      ['a,b', '"a,b"'],
      ['2001-12-14', '"2001-12-14"'],
      ['0o17', '"0o17"'],
      ['plain text', 'plain text'],
      ['días', 'días'],
      ['a.b/c', 'a.b/c'],
    ];
    for (const [value, written] of cases) expect([value, patch('k: v  # c\n', { k: value }).text]).toEqual([value, `k: ${written}  # c\n`]);
  });

  test('writes strings that read back to the same value in every quote style', () => {
    const strings = ['it\'s "q"', 'back\\slash', 'two\nlines', 'cr\r\n', 'tab\t', 'Buenos días 😓', '\u0000\u0085\u2028\ufeff', '', 'true'];
    for (const source of ['k: plain\n', "k: 'single'\n", 'k: "double"\n', '[k, {k: plain}]\n']) {
      for (const s of strings) {
        const key = source.startsWith('[') ? '1.k' : 'k';
        expect([source, s, read(patch(source, { [key]: s }).text)]).toEqual([source, s, { ...read(source), [key]: s }]);
      }
    }
    expect(patch("k: 'x'\n", { k: "it's" }).text).toBe("k: 'it''s'\n");
    expect(patch("k: 'x'\n", { k: 'a\nb' }).text).toBe('k: "a\\nb"\n');
    expect(patch('k: x\n', { k: 'a\\b"c' }).text).toBe('k: a\\b"c\n');
  });

  test('keeps a block scalar a literal block when it can, else writes a double-quoted string', () => {
    const text = 'a: | # keep\n    old\n    text\nb: >-\n  folded\nc: 1\n';
    expect(patch(text, { a: 'new\n\nlines\n' }).text).toBe('a: | # keep\n    new\n\n    lines\nb: >-\n  folded\nc: 1\n');
    expect(patch(text, { a: 'no final break' }).text).toBe('a: |- # keep\n    no final break\nb: >-\n  folded\nc: 1\n');
    expect(patch(text, { a: 'kept\n\n\n' }).text).toBe('a: |+ # keep\n    kept\n\n\nb: >-\n  folded\nc: 1\n');
    expect(patch(text, { b: 'one\ntwo' }).text).toBe('a: | # keep\n    old\n    text\nb: |-\n  one\n  two\nc: 1\n');
    expect(patch(text, { a: ' leading space' }).text).toBe('a: " leading space" # keep\nb: >-\n  folded\nc: 1\n');
    expect(patch(text, { a: 3n }).text).toBe('a: 3 # keep\nb: >-\n  folded\nc: 1\n');
    expect(patch('a: |-\n  x', { a: 'y' }).text).toBe('a: |-\n  y');
    expect(patch('a: |-\n  x', { a: 'y\n' }).text).toBe('a: |\n  y\n');
    for (const s of ['new\n\nlines\n', 'no final break', 'kept\n\n\n', ' leading space', 'tab\there', '\n\nlead', '']) {
      expect(read(patch(text, { a: s, b: s }).text)).toEqual({ a: s, b: s, c: 1n });
    }
  });

  test('writes a value into an empty scalar set off from the indicator and a comment', () => {
    const text = 'a:\nb: # c\nl:\n-\n- 2\nm: {x: , y: 1}\nz:';
    const result = patch(text, { a: 1n, b: 'two', 'l.0': 3.0, 'm.x': true, z: null });
    expect(result.text).toBe('a: 1\nb: two # c\nl:\n- 3.0\n- 2\nm: {x: true, y: 1}\nz:');
    expect(read(patch(text, { z: 'end' }).text)).toEqual({ ...read(text), z: 'end' });
  });

  test('keeps CRLF line endings', () => {
    const text = 'a: 1\r\nb: |\r\n  x\r\n  y\r\nc: [1, 2]\r\n';
    expect(patch(text, { a: 1.5, b: 'p\nq\n', 'c.1': 'z' }).text).toBe('a: 1.5\r\nb: |\r\n  p\r\n  q\r\nc: [1, z]\r\n');
  });

  test('writes a value of another type in the place of the old one', () => {
    expect(patch('a: "x"\nb: 1\nc: ~\nd: yes\n', { a: 1n, b: 'one', c: false, d: null }).text).toBe('a: 1\nb: one\nc: false\nd: null\n');
  });

  test('leaves the text byte-identical when no value changed', () => {
    expect(patch(FIXTURE, read(FIXTURE))).toEqual({ text: FIXTURE, warnings: [] });
  });

  test('ignores keys the file lacks, aliases and non-leaf keys', () => {
    expect(patch(FIXTURE, { missing: 1n, opt: 'x', 'copy.size': 9n, when: 'x', '1': 'x' }).text).toBe(FIXTURE);
  });

  test('warns and leaves the key unchanged when the value does not fit an explicit tag', () => {
    expect(patch('a: !!str 12\nb: !!float 1.5\nc: !!int "3"\n', { a: 13n, b: 2.5, c: 4n })).toEqual({
      text: 'a: !!str 12\nb: !!float 2.5\nc: !!int 4\n',
      warnings: ['a: cannot write an integer over a scalar with an explicit tag of another type; value left unchanged'],
    });
  });
});
