import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { DataFileError } from '../errors.js';
import { loadDataFile } from './load-data-file.js';

afterAll(cleanupTestdirs);

async function load(name: string, text: string) {
  const dir = await testdir({ [name]: text });
  return loadDataFile(join(dir, name));
}

async function loadError(name: string, text: string | undefined): Promise<DataFileError> {
  const dir = await testdir(text === undefined ? {} : { [name]: text });
  try {
    await loadDataFile(join(dir, name));
  } catch (err) {
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as DataFileError).path).toBe(join(dir, name));
    return err as DataFileError;
  }
  throw new Error('expected an error');
}

describe('loadDataFile', () => {
  test('JSON, TOML and YAML by extension, integers as bigint, floats as numbers', async () => {
    const expected = { columns: ['metric:loss'], 'group-select': { 'group-by': { config: 'lr' }, max: { metric: 'acc' } }, count: 2n, x: 1.5 };
    expect(
      await load('board.json',
        '// a comment\n{"columns": ["metric:loss"], "group-select": {"group-by": {"config": "lr"}, "max": {"metric": "acc"}}, "count": 2, "x": 1.5}'),
    ).toEqual(expected);
    expect(await load('board.toml', 'columns = ["metric:loss"]\ncount = 2\nx = 1.5\n[group-select]\ngroup-by = { config = "lr" }\nmax = { metric = "acc" }\n'))
      .toEqual(expected);
    expect(await load('board.YML', 'columns: [metric:loss]\ngroup-select:\n  group-by: {config: lr}\n  max: {metric: acc}\ncount: 2\nx: 1.5\n')).toEqual(
      expected,
    );
  });

  test('any shape is returned: an empty YAML file is null, an empty TOML file {}, a JSON list a list', async () => {
    expect(await load('board.yaml', '')).toBeNull();
    expect(await load('board.toml', '')).toEqual({});
    expect(await load('board.json', '[1, 2]')).toEqual([1n, 2n]);
  });

  test('errors name the condition with their own code; the message leaves the path to the caller', async () => {
    const ext = await loadError('board.txt', '{}');
    expect([ext.code, ext.message]).toEqual(['ERR_GAGE_DATA_FILE_EXTENSION', 'unsupported file extension (expected .json, .toml, .yaml or .yml)']);
    const missing = await loadError('board.json', undefined);
    expect([missing.code, missing.message]).toEqual(['ERR_GAGE_DATA_FILE_MISSING', 'file does not exist']);
    const syntax = await loadError('board.json', '{"a": }');
    expect(syntax.code).toBe('ERR_GAGE_DATA_FILE_SYNTAX');
    expect(syntax.message).toMatch(/line 1 column 7/);
    expect([syntax.line, syntax.column]).toEqual([1, 7]);
    const toml = await loadError('board.toml', 'a = \n');
    expect(toml.code).toBe('ERR_GAGE_DATA_FILE_SYNTAX');
    expect(toml.message).toMatch(/at line 1, column \d+$/);
  });

  test('a directory is a read error', async () => {
    const dir = await testdir({});
    await mkdir(join(dir, 'board.yaml'));
    const err = (await loadDataFile(join(dir, 'board.yaml')).catch((e: unknown) => e)) as DataFileError;
    expect(err.code).toBe('ERR_GAGE_DATA_FILE_READ');
    expect(err.message).toMatch(/^cannot read the file: EISDIR/);
  });
});
