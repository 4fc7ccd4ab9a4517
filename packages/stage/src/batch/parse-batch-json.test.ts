import { describe, expect, test } from '@jest/globals';
import { parseBatchJson } from './parse-batch-json.js';

const error = (text: string) => {
  try {
    parseBatchJson(text, 'b.json');
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message, hint: (err as { hint?: string }).hint };
  }
  throw new Error('no error');
};

describe('parseBatchJson()', () => {
  test('an array of objects: one row each, integers and floats kept apart', () => {
    const rows = parseBatchJson('[{"name": "Cat", "n": 2, "lr": 1.0, "on": true, "x": null}, {}]', 'b.json');
    expect(rows).toEqual([
      [
        { name: 'name', value: 'Cat', text: 'Cat' },
        { name: 'n', value: 2n, text: '2' },
        { name: 'lr', value: 1, text: '1.0' },
        { name: 'on', value: true, text: 'true' },
        { name: 'x', value: null, text: 'null' },
      ],
      [],
    ]);
  });

  test('nested objects and arrays set nested keys (decision 16); a BOM is dropped', () => {
    const rows = parseBatchJson('\ufeff[{"optimizer": {"lr": 0.2}, "sizes": [1, 2]}]', 'b.json');
    expect(rows[0]?.map((f) => [f.name, f.value])).toEqual([['optimizer.lr', 0.2], ['sizes.0', 1n], ['sizes.1', 2n]]);
  });

  test('invalid JSON: the parser message (docs/spec/cli.md 5.1)', () => {
    expect(error('[')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_READ', message: 'Cannot read batch file b.json: Expecting value: line 1 column 2 (char 1)',
      hint: undefined });
  });

  test('not an array of objects: the error of docs/spec/cli.md 5.1, and what it holds', () => {
    expect(error('{"name": "x"}')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_SHAPE', message: 'Expected an array of objects in b.json',
      hint: 'It holds an object.' });
    expect(error('[{"a": 1}, 2]')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_SHAPE', message: 'Expected an array of objects in b.json',
      hint: 'Item 2 is a number.' });
    expect(error('[[1]]').hint).toBe('Item 1 is an array.');
  });
});
