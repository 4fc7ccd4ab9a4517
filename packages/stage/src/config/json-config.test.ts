import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { jsonConfigFormat } from './json-config.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../../test/fixtures/config/train.json'), 'utf8');
const { read, patch } = jsonConfigFormat;

describe('jsonConfigFormat.read()', () => {
  test('flattens objects and arrays to dotted keys with integers as bigint and floats as number', () => {
    expect(read(FIXTURE)).toEqual({
      name: 'mnist',
      lr: 0.1,
      epochs: 10n,
      big: 12345678901234567890n,
      decay: 1e-5,
      dropout: 0,
      debug: false,
      seed: null,
      'opt.type': 'adam',
      'opt.betas.0': 0.9,
      'opt.betas.1': 0.999,
      'opt.nested.deep': 'x',
      'layers.0': 64n,
      'layers.1.units': 32n,
      'layers.1.act': 'relu',
      'layers.2': 'tail',
      unicode: 'Buenos días 😓',
      escaped: 'tab\tquote"back\\',
    });
    expect(typeof read(FIXTURE)['dropout']).toBe('number');
  });

  test('keeps the last of duplicate keys, as loading the JSON does', () => {
    expect(read('{"a": {"x": 1}, "b": 2, "a": {"y": 3}}')).toEqual({ b: 2n, 'a.y': 3n });
  });

  test('reads a file with a byte-order mark, a top-level array, and a top-level scalar', () => {
    expect(read('\ufeff{"a": 1}')).toEqual({ a: 1n });
    expect(read('[1, [2.5]]')).toEqual({ '0': 1n, '1.0': 2.5 });
    expect(read('"just text"')).toEqual({});
  });

  test('reads NaN and Infinity as floats', () => {
    expect(read('{"a": NaN, "b": -Infinity}')).toEqual({ a: NaN, b: -Infinity });
  });

  test('throws ERR_GAGE_CONFIG_SYNTAX with line and column for text that is not JSON', () => {
    expect(() => read('{\n  "a": 1,\n}')).toThrow(
      expect.objectContaining({
        code: 'ERR_GAGE_CONFIG_SYNTAX',
        line: 3,
        column: 1,
        message: 'Invalid JSON syntax: Expecting property name enclosed in double quotes at line 3, column 1',
      }),
    );
    expect(() => read('')).toThrow('Invalid JSON syntax: Expecting value at line 1, column 1');
  });
});

describe('jsonConfigFormat.patch()', () => {
  test('replaces only the text of the changed values', () => {
    const result = patch(FIXTURE, {
      name: 'fashion',
      lr: 0.25,
      epochs: 20n,
      'opt.betas.1': 0.99,
      'layers.1.units': 16n,
      'layers.2': 'end',
      seed: 42n,
      debug: true,
    });
    const expected = FIXTURE.replace('"name":   "mnist"', '"name":   "fashion"')
      .replace('"lr" : 0.1', '"lr" : 0.25')
      .replace('"epochs": 10', '"epochs": 20')
      .replace('[0.9, 0.999]', '[0.9, 0.99]')
      .replace('"units": 32', '"units": 16')
      .replace('"tail"', '"end"')
      .replace('"seed": null', '"seed": 42')
      .replace('"debug": false', '"debug": true');
    expect(result).toEqual({ text: expected, warnings: [] });
  });

  test('writes a float with a point or an exponent and an integer without', () => {
    expect(patch('{"x": 1}', { x: 2.0 }).text).toBe('{"x": 2.0}');
    expect(patch('{"x": 1.0}', { x: 2n }).text).toBe('{"x": 2}');
    expect(patch('{"x": 1}', { x: 1.0 }).text).toBe('{"x": 1.0}');
    expect(patch('{"x": 1.0}', { x: 1n }).text).toBe('{"x": 1}');
    expect(patch('{"x": 1}', { x: 1e-5 }).text).toBe('{"x": 1e-05}');
    expect(patch('{"x": 1}', { x: 1.5e16 }).text).toBe('{"x": 1.5e+16}');
    expect(patch('{"x": 1}', { x: -0.0 }).text).toBe('{"x": -0.0}');
    expect(read(patch('{"x": 1}', { x: 1e-5 }).text)).toEqual({ x: 1e-5 });
  });

  test('writes strings as JSON strings that read back to the same value', () => {
    const strings = ['it\'s "quoted"', 'back\\slash', 'two\nlines\r\n', 'tab\t', 'Buenos días 😓', '\u0000\u001f\u007f', '', 'true', '1'];
    for (const s of strings) {
      const text = patch(FIXTURE, { name: s }).text;
      expect(read(text)).toEqual({ ...read(FIXTURE), name: s });
    }
    expect(patch('{"s": 1}', { s: 'días "x"' }).text).toBe('{"s": "días \\"x\\""}');
  });

  test('writes a value of another type in the place of the old one', () => {
    expect(patch('{"a": "x", "b": 1, "c": null}', { a: 1n, b: 'one', c: false }).text).toBe('{"a": 1, "b": "one", "c": false}');
  });

  test('leaves the text byte-identical when no value changed', () => {
    const same = read(FIXTURE);
    expect(patch(FIXTURE, same)).toEqual({ text: FIXTURE, warnings: [] });
    expect(patch('{"a": NaN}', { a: NaN }).text).toBe('{"a": NaN}');
  });

  test('ignores keys the file lacks and non-leaf keys', () => {
    expect(patch(FIXTURE, { missing: 1n, opt: 'x', 'layers.1': 3n, 'layers.9': 1n }).text).toBe(FIXTURE);
  });

  test('keeps CRLF line endings, spacing and the byte-order mark', () => {
    const text = '\ufeff{\r\n  "a" :  1 ,\r\n\t"b": [ "x" ]\r\n}\r\n';
    expect(patch(text, { a: 2.5, 'b.0': 'y' }).text).toBe('\ufeff{\r\n  "a" :  2.5 ,\r\n\t"b": [ "y" ]\r\n}\r\n');
  });

  test('warns and leaves the key unchanged for infinities and NaN', () => {
    expect(patch('{"a": 1.0, "b": 2}', { a: Infinity, b: 3n })).toEqual({
      text: '{"a": 1.0, "b": 3}',
      warnings: ['a: cannot write inf to a JSON file (JSON has no infinity or NaN); value left unchanged'],
    });
    expect(patch('{"a": 1.0}', { a: NaN }).warnings).toEqual([
      'a: cannot write nan to a JSON file (JSON has no infinity or NaN); value left unchanged',
    ]);
  });

  test('patches the last of duplicate keys', () => {
    expect(patch('{"a": 1, "a": 2}', { a: 3n }).text).toBe('{"a": 1, "a": 3}');
  });
});
