import { describe, expect, test } from '@jest/globals';
import { readPythonConfig } from './read-python-config.js';

const read = (source: string) => readPythonConfig(source).values;

describe('readPythonConfig() statements', () => {
  test('readPythonConfig() reads top-level assignments in file order', () => {
    const values = read('x = 1\ny = 2.5\nmsg = "hi"\n');
    expect(values).toEqual({ x: 1n, y: 2.5, msg: 'hi' });
    expect(Object.keys(values)).toEqual(['x', 'y', 'msg']);
  });

  test('readPythonConfig() reads each statement joined by ;', () => {
    expect(read('a = 1; b = 2;\nc = 3\n')).toEqual({ a: 1n, b: 2n, c: 3n });
  });

  test('readPythonConfig() reads annotated assignments and ignores bare annotations', () => {
    expect(read('a: int = 1\nb: float\nc: "T" = "x"\n')).toEqual({ a: 1n, c: 'x' });
  });

  test('readPythonConfig() gives every name of a chain the value', () => {
    expect(read('a = b = c = 3\n')).toEqual({ a: 3n, b: 3n, c: 3n });
    expect(read('a = o.attr = 3\n')).toEqual({ a: 3n });
  });

  test('readPythonConfig() keeps the last literal assignment and ignores non-literal ones', () => {
    expect(read('x = 1\nx = 2\nx = foo()\ny = [1, 2]\ny = [3]\n')).toEqual({ x: 2n, 'y.0': 3n });
  });

  test('readPythonConfig() ignores nested, augmented and non-name targets', () => {
    const source = [
      'if True:',
      '    a = 1',
      'for i in []:',
      '    b = 1',
      'while False:',
      '    c = 1',
      'with x:',
      '    d = 1',
      'try:',
      '    e = 1',
      'except Exception:',
      '    f = 1',
      'def fn():',
      '    g = 1',
      'class C:',
      '    h = 1',
      'k = 1',
      'k += 1',
      'p, q = 1, 2',
      'o.attr = 1',
      'o[0] = 1',
      '*s, = [1]',
      't = 1,',
      '',
    ].join('\n');
    expect(read(source)).toEqual({ k: 1n });
  });

  test('readPythonConfig() reads an empty or comment-only file as {}', () => {
    expect(read('')).toEqual({});
    expect(read('# nothing\n\n')).toEqual({});
  });

  test('readPythonConfig() skips a leading byte-order mark', () => {
    const { values, literals } = readPythonConfig('\uFEFFx = 1\n');
    expect(values).toEqual({ x: 1n });
    expect(literals[0]).toMatchObject({ from: 5, to: 6, text: '1' });
  });
});

describe('readPythonConfig() values', () => {
  test.each([
    ['1', 1n],
    ['1_000', 1000n],
    ['0', 0n],
    ['0x1F', 31n],
    ['0o17', 15n],
    ['0b101', 5n],
    ['0X_ff', 255n],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
    ['1.5', 1.5],
    ['1e2', 100.0],
    ['1.', 1.0],
    ['1.e5', 100000.0],
    ['-2.', -2.0],
    ['.5', 0.5],
    ['1_0.5', 10.5],
    ['1e400', Infinity],
    ['True', true],
    ['False', false],
    ['None', null],
    ['-1', -1n],
    ['+1', 1n],
    ['-1.5', -1.5],
    ['- 2', -2n],
    ['~1', -2n],
    ['-True', -1n],
    ['+False', 0n],
    ['~True', -2n],
    ['--1', 1n],
    ['-(1)', -1n],
    ['(1)', 1n],
    ['((True))', true],
    ['-0.0', -0.0],
  ])('readPythonConfig() reads %s as %p', (literal, value) => {
    expect(read(`x = ${literal}\n`)).toEqual({ x: value });
  });

  test.each([
    ['"abc"', 'abc'],
    ["'abc'", 'abc'],
    ['"it\'s"', "it's"],
    ["'a\\'b'", "a'b"],
    ['"a\\tb\\n\\\\"', 'a\tb\n\\'],
    ['"\\x41\\u00e9\\U0001F613\\101\\0"', 'Aé😓A\0'],
    ['"\\a\\b\\f\\v\\r"', '\x07\b\f\v\r'],
    ['"\\q\\d"', '\\q\\d'],
    ['"a\\\nb"', 'ab'],
    ['u"uni"', 'uni'],
    ['U"uni"', 'uni'],
    ['r"a\\nb"', 'a\\nb'],
    ["R'\\d+'", '\\d+'],
    ['"""tri "x" \'y\'"""', 'tri "x" \'y\''],
    ["'''line1\nline2'''", 'line1\nline2'],
    ["'''crlf\r\nline'''", 'crlf\nline'],
    ['r"""raw\\n"""', 'raw\\n'],
    ['"Buenos días 😓"', 'Buenos días 😓'],
    ['""', ''],
  ])('readPythonConfig() decodes the string %s', (literal, value) => {
    expect(read(`x = ${literal}\n`)).toEqual({ x: value });
  });

  test.each([
    ['1j'],
    ['-1j'],
    ['1.5J'],
    ['b"x"'],
    ['rb"x"'],
    ['f"x"'],
    ['f"{y}"'],
    ['"a" "b"'],
    ['(1, 2)'],
    ['{1, 2}'],
    ['y'],
    ['f()'],
    ['1 + 2'],
    ['not True'],
    ['~1.5'],
    ['-"a"'],
    ['-None'],
    ['...'],
    ['[i for i in y]'],
    ['"\\N{BULLET}"'],
    ['lambda: 1'],
    ['1.j'],
    ['1 .real'],
    ['1.5.real'],
  ])('readPythonConfig() makes no key of %s', (literal) => {
    expect(read(`x = ${literal}\n`)).toEqual({});
  });

  test('readPythonConfig() makes name.i keys of list elements, recursively, keeping indices', () => {
    expect(read('l = [1, f(), [2, "x"], *r, 3.0,]\n')).toEqual({ 'l.0': 1n, 'l.2.0': 2n, 'l.2.1': 'x', 'l.4': 3.0 });
    expect(read('l = []\n')).toEqual({});
  });

  test('readPythonConfig() makes name.key keys of dict entries with string keys, recursively', () => {
    const source = 'd = {"a": 1, \'b\': {"c": [True]}, 1: 2, k: 3, **o, "e": g(), u"f": None, "a": 5, b"x": 1}\n';
    expect(read(source)).toEqual({ 'd.a': 5n, 'd.b.c.0': true, 'd.f': null });
  });

  test('readPythonConfig() reads a list and dict over several lines with comments', () => {
    const source = 'opts = {\n  "lr": 0.1,  # rate\n  # skip\n  "layers": [\n    64,\n    32,\n  ],\n}\n';
    expect(read(source)).toEqual({ 'opts.lr': 0.1, 'opts.layers.0': 64n, 'opts.layers.1': 32n });
  });

  test('readPythonConfig() returns the literal spans behind the keys', () => {
    const source = 'a = b = -1\nl = [ "x" ]\n';
    const { literals } = readPythonConfig(source);
    expect(literals).toEqual([
      { keys: ['a', 'b'], from: 8, to: 10, text: '-1', value: -1n },
      expect.objectContaining({ keys: ['l.0'], from: 17, to: 20, text: '"x"', value: 'x' }),
    ]);
  });
});

describe('readPythonConfig() syntax errors', () => {
  test.each([
    ['x = \n', 'Invalid Python syntax: invalid syntax at line 1, column 5'],
    ['x = 1\ny = (2\n', 'Invalid Python syntax: invalid syntax at line 3, column 1'],
    ['x = 1\ny = "abc\n', 'Invalid Python syntax: unterminated string literal at line 2, column 5'],
    ['x = """abc\n', 'Invalid Python syntax: unterminated string literal at line 1, column 5'],
    ['x = 1\n  y = 2\n', 'Invalid Python syntax: unexpected indent at line 2, column 3'],
    ['x = 1\r\nif x:\r\n    y = 1\r\n  z = 2\r\n', 'Invalid Python syntax: unexpected indent at line 4, column 3'],
    ['x = 007\n', 'Invalid Python syntax: invalid number literal "007" at line 1, column 5'],
    ['x = 1__0\n', 'Invalid Python syntax: invalid number literal "1__0" at line 1, column 5'],
    ['x = "\\x4"\n', 'Invalid Python syntax: invalid \\x escape "\\x4" at line 1, column 5'],
    ['x = 1._0\n', 'Invalid Python syntax: invalid number literal "1._0" at line 1, column 5'],
    ['x = 1.real\n', 'Invalid Python syntax: invalid number literal "1.real" at line 1, column 5'],
    ['x = 1L\n', 'Invalid Python syntax: invalid syntax at line 1, column 6'],
    ['print "x"\n', "Invalid Python syntax: missing parentheses in call to 'print' at line 1, column 1"],
  ])('readPythonConfig(%j) throws %j', (source, message) => {
    expect(() => readPythonConfig(source)).toThrow(expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX', message }));
  });

  test('readPythonConfig() reports line and column on the error', () => {
    expect(() => readPythonConfig('a = 1\nb = (\n')).toThrow(expect.objectContaining({ format: 'Python', line: 3, column: 1 }));
  });

  test('readPythonConfig() accepts indented comments and form feeds', () => {
    expect(read('x = 1\n    # note\n\fy = 2\n')).toEqual({ x: 1n, y: 2n });
  });
});
