import { describe, expect, test } from '@jest/globals';
import type { Config } from '@gage/types';
import { patchPythonConfig } from './patch-python-config.js';
import { pythonConfigFormat } from './python-config-format.js';
import { readPythonConfig } from './read-python-config.js';

/** A Python config file with every literal kind, comments, CRLF and LF lines, tabs and odd spacing. */
const RICH = [
  '# -*- coding: utf-8 -*-\r\n',
  '"""Module docstring."""\r\n',
  'import os  # not config\r\n',
  '\r\n',
  'epochs   =\t10   # number of epochs\r\n',
  'lr: float = 0.001\r\n',
  'big = 1_000_000\n',
  'mask = 0xFF\n',
  'neg = - 5\n',
  "flag = True;  other = None ;\tname = 'Mike'\n",
  'a = b = 1.5\n',
  'msg = u"tab\\there"\n',
  "pattern = r'\\d+'\n",
  'doc = """line one\r\nline two"""\n',
  'layers = [64, 32,\t# comment\r\n   16]\n',
  'opts = {"loud": False, \'level\': (3), "nested": {"x": -1e-05}}\n',
  'path = os.path.join("a", "b")\n',
  'if epochs > 5:\n',
  '\tepochs = 99\n',
  'x = 1  # trailing, no final newline',
].join('');

describe('patchPythonConfig()', () => {
  test('patchPythonConfig() patches the seed file', () => {
    expect(patchPythonConfig('msg = "Hi there"\nprint(msg)\n', { msg: 'Ho there' })).toBe('msg = "Ho there"\nprint(msg)\n');
  });

  test('patchPythonConfig() leaves the rich file byte-identical when no value changes', () => {
    const values = readPythonConfig(RICH).values;
    expect(values).toEqual({
      epochs: 10n,
      lr: 0.001,
      big: 1000000n,
      mask: 255n,
      neg: -5n,
      flag: true,
      other: null,
      name: 'Mike',
      a: 1.5,
      b: 1.5,
      msg: 'tab\there',
      pattern: '\\d+',
      doc: 'line one\nline two',
      'layers.0': 64n,
      'layers.1': 32n,
      'layers.2': 16n,
      'opts.loud': false,
      'opts.level': 3n,
      'opts.nested.x': -1e-5,
      x: 1n,
    });
    expect(patchPythonConfig(RICH, values)).toBe(RICH);
    expect(patchPythonConfig(RICH, {})).toBe(RICH);
  });

  test('patchPythonConfig() rewrites only changed literals in the rich file', () => {
    const values: Config = {
      epochs: 20n,
      lr: 0.01,
      big: 2000000n,
      mask: 16n,
      neg: 7n,
      flag: false,
      other: 'set',
      name: "O'Brien",
      b: 2.0,
      msg: 'new\nline',
      pattern: 'a"b',
      doc: 'x',
      'layers.1': 8n,
      'opts.level': 4.5,
      'opts.nested.x': Infinity,
      x: null,
      unknown: 1n,
      layers: 5n,
    };
    const expected = RICH
      .replace('=\t10 ', '=\t20 ')
      .replace('0.001', '0.01')
      .replace('1_000_000', '2000000')
      .replace('0xFF', '16')
      .replace('- 5', '7')
      .replace('True', 'False')
      .replace('= None', "= 'set'")
      .replace("'Mike'", "'O\\'Brien'")
      .replace('b = 1.5', 'b = 2.0')
      .replace('u"tab\\there"', 'u"new\\nline"')
      .replace("r'\\d+'", "r'a\"b'")
      .replace('"""line one\r\nline two"""', '"""x"""')
      .replace('32,', '8,')
      .replace('(3)', '(4.5)')
      .replace('-1e-05', 'float("inf")')
      .replace('x = 1  #', 'x = None  #');
    expect(patchPythonConfig(RICH, values)).toBe(expected);
  });

  test('patchPythonConfig() keeps integer and float apart', () => {
    expect(patchPythonConfig('x = 1\ny = 1.0\n', { x: 1.0, y: 1n })).toBe('x = 1.0\ny = 1\n');
    expect(patchPythonConfig('x = 1\ny = 1.0\n', { x: 1n, y: 1.0 })).toBe('x = 1\ny = 1.0\n');
    expect(patchPythonConfig('x = 2.0\n', { x: 2.0 })).toBe('x = 2.0\n');
    expect(patchPythonConfig('x = True\n', { x: 1n })).toBe('x = 1\n');
    expect(patchPythonConfig('x = 1\n', { x: true })).toBe('x = True\n');
    expect(patchPythonConfig('x = 0.0\n', { x: -0.0 })).toBe('x = -0.0\n');
  });

  test('patchPythonConfig() keeps the original text of an unchanged literal', () => {
    expect(patchPythonConfig('x = 1e2\ny = 0.50\nz = -True\n', { x: 100.0, y: 0.5, z: -1n })).toBe('x = 1e2\ny = 0.50\nz = -True\n');
  });

  test.each([
    [1e-5, '1e-05'],
    [1.5e16, '1.5e+16'],
    [100.0, '100.0'],
    [-0.5, '-0.5'],
    [Infinity, 'float("inf")'],
    [-Infinity, 'float("-inf")'],
    [Number.NaN, 'float("nan")'],
  ])('patchPythonConfig() writes the float %p as %s', (value, text) => {
    expect(patchPythonConfig('x = 1\n', { x: value })).toBe(`x = ${text}\n`);
  });

  test('patchPythonConfig() does not rewrite nan with nan', () => {
    expect(patchPythonConfig('x = 1\n', { x: Number.NaN })).toBe('x = float("nan")\n');
  });

  test.each([
    ['"a"', 'say "hi"', '"say \\"hi\\""'],
    ["'a'", "it's", "'it\\'s'"],
    ['"a"', 'back\\slash', '"back\\\\slash"'],
    ['"a"', 'tab\tcr\rnul\0del\x7f', '"tab\\tcr\\rnul\\x00del\\x7f"'],
    ['"a"', 'Buenos días 😓', '"Buenos días 😓"'],
    ['"a"', 'lone \ud800', '"lone \\ud800"'],
    ['U"a"', 'b', 'U"b"'],
    ["'''a'''", "x'y\nz", "'''x\\'y\\nz'''"],
    ['"""a"""', 'q"', '"""q\\""""'],
    ['r"a"', 'C:\\dir\\', '"C:\\\\dir\\\\"'],
    ['r"a"', 'C:\\dir\\\\', 'r"C:\\dir\\\\"'],
    ['r"a"', '\\d+', 'r"\\d+"'],
    ['r"a"', 'say "x"', '"say \\"x\\""'],
    ["r'a'", 'say "x"', 'r\'say "x"\''],
    ['R"a"', 'line\n', '"line\\n"'],
    ["r'''a'''", "\\it's", "'''\\\\it\\'s'''"],
  ])('patchPythonConfig() writes into the literal %s the string %j as %s', (literal, value, text) => {
    expect(patchPythonConfig(`x = ${literal}\n`, { x: value })).toBe(`x = ${text}\n`);
  });

  test('patchPythonConfig() writes strings into a raw literal that read back to the same value', () => {
    for (const value of ['C:\\dir\\', 'a"b', "a'b", 'x\ny', '\\\\', 'plain']) {
      for (const literal of ['r"a"', "r'a'", 'r"""a"""']) {
        const patched = patchPythonConfig(`x = ${literal}\n`, { x: value });
        expect(readPythonConfig(patched).values).toEqual({ x: value });
      }
    }
  });

  test('patchPythonConfig() writes a non-string value over a string literal as its Python literal', () => {
    expect(patchPythonConfig("x = 'a'\ny = u'b'\nz = r'c'\n", { x: 1n, y: 2.5, z: null })).toBe('x = 1\ny = 2.5\nz = None\n');
  });

  test('patchPythonConfig() writes a string over a non-string literal as its Python repr', () => {
    expect(patchPythonConfig('x = 1\ny = None\n', { x: "it's", y: 'a\tb' })).toBe("x = \"it's\"\ny = 'a\\tb'\n");
  });

  test('patchPythonConfig() replaces a whole unary expression and keeps parentheses', () => {
    expect(patchPythonConfig('x = -(1)\ny = (2)\nz = ~True\n', { x: 3n, y: -4n, z: 0n })).toBe('x = 3\ny = (-4)\nz = 0\n');
  });

  test('patchPythonConfig() patches list and dict elements by their keys', () => {
    const source = 'l = [1, [2, "x"], f()]\nd = {"a": {"b": 1}, "c": [True]}\n';
    const values = { 'l.0': 10n, 'l.1.1': 'y', 'l.2': 3n, 'd.a.b': 2n, 'd.c.0': false, d: 1n, l: 1n };
    expect(patchPythonConfig(source, values)).toBe('l = [10, [2, "y"], f()]\nd = {"a": {"b": 2}, "c": [False]}\n');
  });

  test('patchPythonConfig() writes the value of the last changed name of a chain', () => {
    expect(patchPythonConfig('a = b = 1\n', { a: 2n })).toBe('a = b = 2\n');
    expect(patchPythonConfig('a = b = 1\n', { b: 3n })).toBe('a = b = 3\n');
    expect(patchPythonConfig('a = b = 1\n', { a: 2n, b: 3n })).toBe('a = b = 3\n');
    expect(patchPythonConfig('a = b = 1\n', { a: 2n, b: 1n })).toBe('a = b = 2\n');
  });

  test('patchPythonConfig() rewrites the last literal assignment of a name only', () => {
    expect(patchPythonConfig('x = 1\nx = 2\nx = f()\n', { x: 5n })).toBe('x = 1\nx = 5\nx = f()\n');
    expect(patchPythonConfig('a = b = 1\nb = 2\n', { a: 3n, b: 4n })).toBe('a = b = 3\nb = 4\n');
  });

  test('patchPythonConfig() rewrites a float with a trailing dot', () => {
    expect(patchPythonConfig('x = 1.\ny = [2., -3.]\n', { x: 2.5, 'y.1': 4n })).toBe('x = 2.5\ny = [2., 4]\n');
  });

  test('patchPythonConfig() keeps the annotation and the byte-order mark', () => {
    expect(patchPythonConfig('\uFEFFlr: float = 0.1\n', { lr: 0.2 })).toBe('\uFEFFlr: float = 0.2\n');
  });

  test('patchPythonConfig() ignores keys the file lacks and nested statements', () => {
    const source = 'x = 1\nif x:\n    y = 2\n';
    expect(patchPythonConfig(source, { y: 3n, z: 4n })).toBe(source);
  });

  test('patchPythonConfig() throws on invalid Python', () => {
    expect(() => patchPythonConfig('x = (\n', { x: 1n })).toThrow(expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX' }));
  });
});

describe('pythonConfigFormat', () => {
  test('pythonConfigFormat reads values and patches text without warnings', () => {
    expect(pythonConfigFormat.read('msg = "Hi there"\nprint(msg)\n')).toEqual({ msg: 'Hi there' });
    expect(pythonConfigFormat.patch('msg = "Hi there"\nprint(msg)\n', { msg: 'Ho there' })).toEqual({
      text: 'msg = "Ho there"\nprint(msg)\n',
      warnings: [],
    });
  });
});
