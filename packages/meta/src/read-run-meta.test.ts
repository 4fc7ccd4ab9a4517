import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMeta } from './init-run-meta.js';
import { makeRun } from './make-run.js';
import { readRunCmd } from './read-run-cmd.js';
import { readRunConfig } from './read-run-config.js';
import { readRunOpdef } from './read-run-opdef.js';
import { runForMetaDir } from './run-for-meta-dir.js';
import { writeMetaFile } from './write-meta-file.js';

let tmp: string;
let run: Run;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
});
afterEach(async () => {
  await removeTree(tmp);
});

const opdef = OpDef('train', { exec: 'python train.py', config: 'train.py', n: 2n, x: 2.0 });

describe('readRunConfig()', () => {
  test('reads back integers as bigint and floats as number', async () => {
    await initRunMeta(run, { ns: 'p', name: 'train' }, opdef, { lr: 1.0, epochs: 3n, s: 'x', b: false, n: null }, OpCmd(['a']));
    const config = await readRunConfig(run);
    expect(config).toEqual({ lr: 1, epochs: 3n, s: 'x', b: false, n: null });
    expect(typeof config.lr).toBe('number');
    expect(typeof config.epochs).toBe('bigint');
  });

  test('a missing, corrupt or mis-shaped config.json is a clear ERR_GAGE_RUN_META', async () => {
    await expect(readRunConfig(run)).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_META', message: 'Cannot read "config.json" in run "aaa": file is missing',
    });
    await writeMetaFile(run, 'config.json', '{"a": 1,', { writable: true });
    await expect(readRunConfig(run)).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_META',
      message: 'Cannot read "config.json" in run "aaa": Expecting property name enclosed in double quotes: line 1 column 9 (char 8)',
    });
    await writeMetaFile(run, 'config.json', '[1]', { writable: true });
    await expect(readRunConfig(run)).rejects.toThrow('Cannot read "config.json" in run "aaa": expected a JSON object');
    await writeMetaFile(run, 'config.json', '{"a": {"b": 1}}', { writable: true });
    await expect(readRunConfig(run)).rejects.toThrow("value of 'a' is not a scalar");
  });
});

describe('readRunOpdef()', () => {
  test('returns the opdef data named after the opref, numbers keeping their type', async () => {
    await initRunMeta(run, { ns: 'p', name: 'train' }, opdef, {}, OpCmd(['a']));
    expect(await readRunOpdef(run)).toEqual({ name: 'train', data: { exec: 'python train.py', config: 'train.py', n: 2n, x: 2.0 } });
    const loaded = await runForMetaDir(run.metaDir);
    expect(await readRunOpdef({ ...loaded!, opref: undefined })).toMatchObject({ name: 'train' });
  });

  test('missing or broken opref and opdef.json are clear errors', async () => {
    await expect(readRunOpdef(run)).rejects.toThrow('Cannot read "opref" in run "aaa": file is missing');
    await writeMetaFile(run, 'opref', '3 foobar');
    await expect(readRunOpdef(run)).rejects.toThrow(`Cannot read "opref" in run "aaa": unsupported opref schema: '3 foobar'`);
    await expect(readRunOpdef({ ...run, opref: { ns: 'a', name: 'b' } })).rejects.toThrow(
      'Cannot read "opdef.json" in run "aaa": file is missing',
    );
    await writeMetaFile(run, 'opdef.json', '');
    await expect(readRunOpdef({ ...run, opref: { ns: 'a', name: 'b' } })).rejects.toThrow(
      'Cannot read "opdef.json" in run "aaa": Expecting value: line 1 column 1 (char 0)',
    );
  });
});

describe('readRunCmd()', () => {
  test('reads proc/cmd and proc/env', async () => {
    await initRunMeta(run, { ns: 'p', name: 'train' }, opdef, {}, OpCmd(['python', 'train.py'], { A: 'ä' }));
    expect(await readRunCmd(run)).toEqual({ args: ['python', 'train.py'], env: { A: 'ä' } });
  });

  test('reads a shell command string', async () => {
    await initRunMeta(run, { ns: 'p', name: 'train' }, opdef, {}, OpCmd('echo hi && exit 3'));
    expect(await readRunCmd(run)).toEqual({ args: 'echo hi && exit 3', env: {} });
  });

  test('falls back to Gage (Python) proc/cmd.json and proc/env.json (compact JSON, \\u escapes)', async () => {
    await writeMetaFile(run, 'proc/cmd.json', '["python", "say.py"]');
    await writeMetaFile(run, 'proc/env.json', '{"X": "\\u00e4"}');
    expect(await readRunCmd(run)).toEqual({ args: ['python', 'say.py'], env: { X: 'ä' } });
  });

  test('no env file gives {}; a missing or mis-shaped command is a clear error', async () => {
    await expect(readRunCmd(run)).rejects.toThrow('Cannot read "proc/cmd" in run "aaa": file is missing');
    await writeMetaFile(run, 'proc/cmd', '["a"]', { writable: true });
    expect(await readRunCmd(run)).toEqual({ args: ['a'], env: {} });
    await writeMetaFile(run, 'proc/cmd', '["a", 1]', { writable: true });
    await expect(readRunCmd(run)).rejects.toThrow(
      'Cannot read "proc/cmd" in run "aaa": expected a JSON array of strings or a string',
    );
    await writeMetaFile(run, 'proc/cmd', '["a"]', { writable: true });
    await writeMetaFile(run, 'proc/env', '{"A": 1}');
    await expect(readRunCmd(run)).rejects.toThrow('Cannot read "proc/env" in run "aaa": expected a JSON object of strings');
  });
});
