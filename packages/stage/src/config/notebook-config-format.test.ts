import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type Config, isGageError } from '@gage/types';
import { ConfigSyntaxError, NotebookFormatError } from '../errors.js';
import { notebookConfigFormat } from './notebook-config-format.js';

// The fixtures are written by Jupyter's own writer (nbformat), see test/fixtures/notebooks/make-notebooks.py.
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/notebooks', name), 'utf8');
const TRAIN = fixture('train.ipynb');
const CRLF = fixture('crlf.ipynb');
const SYNTAX_ERROR = fixture('syntax-error.ipynb');
const STRING_SOURCE = fixture('string-source.ipynb');

function read(text: string): { values: Config; warnings: string[] } {
  const warnings: string[] = [];
  const values = notebookConfigFormat.read(text, (w) => warnings.push(w));
  return { values, warnings };
}

/** `text` with `from` replaced by `to`, `from` occurring exactly once. */
function replaced(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('notebookConfigFormat.read', () => {
  test('top-level literal assignments of the code cells; magics, cell magics, markdown and raw cells, function bodies ignored', () => {
    expect(read(TRAIN)).toEqual({
      values: {
        lr: 0.1,
        epochs: 20n,
        msg: 'Buenos días 😓',
        quiet: false,
        'opts.dropout': 0.25,
        'opts.act': 'relu',
        'layers.0': 64n,
        'layers.1': 32n,
        prompt: 'Line one\nLine "two"\n',
        seed: 7n,
      },
      warnings: [],
    });
  });

  test('a later cell overrides an earlier one; its later non-literal assignment does not count (as in a .py file)', () => {
    expect(read(TRAIN).values.epochs).toBe(20n);
  });

  test('sources with CRLF line endings', () => {
    expect(read(CRLF)).toEqual({ values: { x: 1n, name: 'crlf', y: 2.5 }, warnings: [] });
  });

  test('a source given as one string', () => {
    expect(read(STRING_SOURCE)).toEqual({ values: { lr: 0.1, name: 'Zoë' }, warnings: [] });
  });

  test('a cell with a syntax error is skipped with a warning naming its index; the other cells still count', () => {
    expect(read(SYNTAX_ERROR)).toEqual({
      values: { a: 1n, c: 'three' },
      warnings: ['skipped cell 2: Invalid Python syntax: invalid syntax at line 2, column 5'],
    });
  });

  test('IPython syntax that is not Python: line magics anywhere, shell assignments, help, indented magics', () => {
    const nb = notebook([
      'x = 1\nfor i in range(2):\n    %time f(i)\n    !echo $i\nout = %timeit -o f()\nrows, cols = !wc\n?len\ny = 2\n',
    ]);
    expect(read(nb)).toEqual({ values: { x: 1n, y: 2n }, warnings: [] });
  });

  test('a % inside a string or a continued line is Python, not a magic', () => {
    const nb = notebook(['s = """\n%not a magic\n"""\nt = (1 %\n 2)\nu = 3\n']);
    expect(read(nb).values).toEqual({ s: '\n%not a magic\n', u: 3n });
  });

  test('an empty notebook, empty and whitespace-only cells', () => {
    expect(read(notebook([])).values).toEqual({});
    expect(read(notebook(['', '\n\n', '   '])).values).toEqual({});
  });

  test('not JSON: ConfigSyntaxError with JSON reason and position', () => {
    expect(() => notebookConfigFormat.read('{"cells": [,]}')).toThrow(ConfigSyntaxError);
    expect(() => notebookConfigFormat.read('{"cells": [,]}')).toThrow('Invalid JSON syntax: Expecting value at line 1, column 12');
  });

  test('nbformat 3: NotebookFormatError naming the upgrade command', () => {
    const err = catchError(() => notebookConfigFormat.read(fixture('nbformat-3.ipynb')));
    expect(err).toBeInstanceOf(NotebookFormatError);
    expect(isGageError(err) && err.code).toBe('ERR_GAGE_NOTEBOOK_FORMAT');
    expect((err as Error).message).toBe(
      "nbformat 3 notebooks are not supported (only nbformat 4); upgrade it with 'jupyter nbconvert --to notebook --inplace <file>' or by saving it in Jupyter",
    );
  });

  test('JSON that is no notebook', () => {
    expect(() => notebookConfigFormat.read('[1]')).toThrow('not a Jupyter notebook: the JSON is not an object');
    expect(() => notebookConfigFormat.read('{"cells": []}')).toThrow('not a Jupyter notebook: no integer "nbformat" field');
    expect(() => notebookConfigFormat.read('{"nbformat": 5, "cells": []}')).toThrow('nbformat 5 notebooks are not supported (only nbformat 4)');
    expect(() => notebookConfigFormat.read('{"nbformat": 4, "cells": [{"cell_type": "code", "source": [1]}]}')).toThrow(
      'not a Jupyter notebook: the source of cell 0 is not text',
    );
  });
});

describe('notebookConfigFormat.patch', () => {
  test('rewrites only the changed literals inside their source strings, every other byte kept', () => {
    const values = { lr: 0.05, epochs: 30n, msg: 'Adiós 🎉 "x"', quiet: true, 'opts.act': 'gelu', 'layers.1': 16n, seed: 7n };
    let expected = replaced(TRAIN, '"lr = 0.1\\n"', '"lr = 0.05\\n"');
    expected = replaced(expected, '"epochs = 20\\n"', '"epochs = 30\\n"');
    expected = replaced(expected, '"msg = \\"Buenos días 😓\\"\\n"', '"msg = \\"Adiós 🎉 \\\\\\"x\\\\\\"\\"\\n"');
    expected = replaced(expected, '"quiet = False\\n"', '"quiet = True\\n"');
    expected = replaced(expected, `"act\\": 'relu'}`, `"act\\": 'gelu'}`);
    expected = replaced(expected, '"layers = [64, 32]\\n"', '"layers = [64, 16]\\n"');
    const { text, warnings } = notebookConfigFormat.patch(TRAIN, values);
    expect(warnings).toEqual([]);
    expect(text).toBe(expected);
    expect(read(text).values).toEqual({ ...read(TRAIN).values, ...values });
  });

  test('nothing changed: the same text', () => {
    expect(notebookConfigFormat.patch(TRAIN, read(TRAIN).values).text).toBe(TRAIN);
    expect(notebookConfigFormat.patch(TRAIN, { hidden: 2n, raw_x: 2n, md_x: 2n, inner: 3n, files: 'x' }).text).toBe(TRAIN);
  });

  test('a triple-quoted string over several source lines becomes one line; the other lines keep their split', () => {
    const { text } = notebookConfigFormat.patch(TRAIN, { prompt: 'One\nTwo' });
    expect(text).toBe(
      replaced(TRAIN, '"prompt = \\"\\"\\"Line one\\n",\n    "Line \\"two\\"\\n",\n    "\\"\\"\\"\\n"', '"prompt = \\"\\"\\"One\\\\nTwo\\"\\"\\"\\n"'),
    );
    expect(read(text).values.prompt).toBe('One\nTwo');
  });

  test('CRLF sources keep their line endings', () => {
    const { text } = notebookConfigFormat.patch(CRLF, { name: 'new', y: 3.0 });
    expect(text).toBe(replaced(replaced(CRLF, `"name = 'crlf'\\r\\n"`, `"name = 'new'\\r\\n"`), '"y = 2.5\\r\\n"', '"y = 3.0\\r\\n"'));
  });

  test('a source given as one string', () => {
    const { text } = notebookConfigFormat.patch(STRING_SOURCE, { lr: 1n, name: 'Chloé' });
    expect(text).toBe(replaced(STRING_SOURCE, '"lr = 0.1\\nname = \\"Zoë\\"\\n', '"lr = 1\\nname = \\"Chloé\\"\\n'));
  });

  test('escapes written by other tools (\\u00e9, \\/) are kept around the changed literal', () => {
    const nb = '{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["a = \\"caf\\u00e9\\" ; b = 1 # \\/ ok\\n"]}]}';
    expect(read(nb).values).toEqual({ a: 'café', b: 1n });
    expect(notebookConfigFormat.patch(nb, { b: 2n }).text).toBe(nb.replace('b = 1', 'b = 2'));
    expect(notebookConfigFormat.patch(nb, { a: 'tea' }).text).toBe(nb.replace('\\"caf\\u00e9\\"', '\\"tea\\"'));
  });

  test('a skipped cell is never written', () => {
    const { text } = notebookConfigFormat.patch(SYNTAX_ERROR, { a: 5n, b: 5n, c: 'x' });
    expect(text).toBe(replaced(replaced(SYNTAX_ERROR, '"a = 1\\n"', '"a = 5\\n"'), `"c = 'three'\\n"`, `"c = 'x'\\n"`));
  });

  test('a value written into a magic-masked cell keeps the magic lines', () => {
    const nb = notebook(['%load_ext autoreload\n%autoreload 2\n\nx = 1\ny = 2\n']);
    const { text } = notebookConfigFormat.patch(nb, { x: 10n, y: 2n });
    expect(text).toBe(nb.replace('x = 1', 'x = 10'));
  });
});

/** A notebook in Jupyter's layout whose code cells have these sources, split into lines. */
function notebook(sources: string[]): string {
  const cells = sources.map((source, i) => ({
    cell_type: 'code',
    execution_count: null,
    id: `c${i}`,
    metadata: {},
    outputs: [],
    source: source.split(/(?<=\n)/).filter((line) => line !== ''),
  }));
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1) + '\n';
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('no error');
}
