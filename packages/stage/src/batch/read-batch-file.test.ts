import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { readBatchFile } from './read-batch-file.js';

let dir: string;
beforeEach(async () => {
  dir = await testdir({ 'x.csv': 'x\n1\n2\n', 'B.JSON': '[{"y": 3}]' });
});
afterEach(async () => removeTree(dir));

const error = async (file: string) => {
  try {
    await readBatchFile(file, { cwd: dir });
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('no error');
};

describe('readBatchFile()', () => {
  test('reads .csv and .json (any case) relative to cwd; the file keeps the name it was given', async () => {
    expect(await readBatchFile('x.csv', { cwd: dir })).toEqual({ file: 'x.csv',
      rows: [[{ name: 'x', value: 1n, text: '1' }], [{ name: 'x', value: 2n, text: '2' }]] });
    expect((await readBatchFile(join(dir, 'B.JSON'))).rows).toEqual([[{ name: 'y', value: 3n, text: '3' }]]);
  });

  test('the errors of docs/spec/cli.md 5.1: extension first, then a missing file', async () => {
    expect(await error('x.xyz')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_EXTENSION', message: 'Unsupported extension for batch file x.xyz' });
    expect(await error('missing.xyz')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_EXTENSION', message: 'Unsupported extension for batch file missing.xyz' });
    expect(await error('missing.csv')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_MISSING', message: 'Batch file missing.csv does not exist' });
    expect(await error('missing.json')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_MISSING', message: 'Batch file missing.json does not exist' });
  });

  test('a directory cannot be read', async () => {
    await mkdir(join(dir, 'd.csv'));
    const e = await error('d.csv');
    expect(e.code).toBe('ERR_GAGE_BATCH_FILE_READ');
    expect(e.message).toMatch(/^Cannot read batch file d\.csv: EISDIR/);
  });

  test('bad content names the file as given', async () => {
    await writeFile(join(dir, 'bad.json'), '[');
    expect(await error('bad.json')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_READ',
      message: 'Cannot read batch file bad.json: Expecting value: line 1 column 2 (char 1)' });
  });
});
