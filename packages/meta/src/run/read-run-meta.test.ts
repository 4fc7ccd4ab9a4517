import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMetaSync } from './init-run-meta-sync.js';
import { makeRun } from './make-run.js';
import { readRunCmdSync } from './read-run-cmd-sync.js';
import { readRunConfigSync } from './read-run-config-sync.js';
import { readRunOpdefSync } from './read-run-opdef-sync.js';
import { runForMetaDirSync } from './run-for-meta-dir-sync.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';

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

describe('readRunConfigSync()', () => {
  test('reads back integers as bigint and floats as number', async () => {
    initRunMetaSync(run, { ns: 'p', name: 'train' }, opdef, { lr: 1.0, epochs: 3n, s: 'x', b: false, n: null }, OpCmd(['a']));
    const config = readRunConfigSync(run);
    expect(config).toEqual({ lr: 1, epochs: 3n, s: 'x', b: false, n: null });
    expect(typeof config.lr).toBe('number');
    expect(typeof config.epochs).toBe('bigint');
  });

  test('a missing, corrupt or mis-shaped config.json is a clear ERR_GAGE_RUN_META', async () => {
    expect(() => readRunConfigSync(run)).toThrow(expect.objectContaining({
      code: 'ERR_GAGE_RUN_META',
      message: 'Cannot read "config.json" in run "aaa": file is missing',
    }));
    writeMetaFileSync(run, 'config.json', '{"a": 1,', { writable: true });
    expect(() => readRunConfigSync(run)).toThrow(expect.objectContaining({
      code: 'ERR_GAGE_RUN_META',
      message: 'Cannot read "config.json" in run "aaa": Expecting property name enclosed in double quotes: line 1 column 9 (char 8)',
    }));
    writeMetaFileSync(run, 'config.json', '[1]', { writable: true });
    expect(() => readRunConfigSync(run)).toThrow('Cannot read "config.json" in run "aaa": expected a JSON object');
    writeMetaFileSync(run, 'config.json', '{"a": {"b": 1}}', { writable: true });
    expect(() => readRunConfigSync(run)).toThrow("value of 'a' is not a scalar");
  });
});

describe('readRunOpdefSync()', () => {
  test('returns the opdef data named after the opref, numbers keeping their type', async () => {
    initRunMetaSync(run, { ns: 'p', name: 'train' }, opdef, {}, OpCmd(['a']));
    expect(readRunOpdefSync(run)).toEqual({ name: 'train', data: { exec: 'python train.py', config: 'train.py', n: 2n, x: 2.0 } });
    const loaded = runForMetaDirSync(run.metaDir);
    expect(readRunOpdefSync({ ...loaded!, opref: undefined })).toMatchObject({ name: 'train' });
  });

  test('missing or broken opref and opdef.json are clear errors', async () => {
    expect(() => readRunOpdefSync(run)).toThrow('Cannot read "opref" in run "aaa": file is missing');
    writeMetaFileSync(run, 'opref', '3 foobar');
    expect(() => readRunOpdefSync(run)).toThrow(`Cannot read "opref" in run "aaa": unsupported opref schema: '3 foobar'`);
    expect(() => readRunOpdefSync({ ...run, opref: { ns: 'a', name: 'b' } })).toThrow(
      'Cannot read "opdef.json" in run "aaa": file is missing',
    );
    writeMetaFileSync(run, 'opdef.json', '');
    expect(() => readRunOpdefSync({ ...run, opref: { ns: 'a', name: 'b' } })).toThrow(
      'Cannot read "opdef.json" in run "aaa": Expecting value: line 1 column 1 (char 0)',
    );
  });
});

describe('readRunCmdSync()', () => {
  test('reads proc/cmd and proc/env', async () => {
    initRunMetaSync(run, { ns: 'p', name: 'train' }, opdef, {}, OpCmd(['python', 'train.py'], { A: 'ä' }));
    expect(readRunCmdSync(run)).toEqual({ args: ['python', 'train.py'], env: { A: 'ä' } });
  });

  test('reads a shell command string', async () => {
    initRunMetaSync(run, { ns: 'p', name: 'train' }, opdef, {}, OpCmd('echo hi && exit 3'));
    expect(readRunCmdSync(run)).toEqual({ args: 'echo hi && exit 3', env: {} });
  });

  test('falls back to Gage (Python) proc/cmd.json and proc/env.json (compact JSON, \\u escapes)', async () => {
    writeMetaFileSync(run, 'proc/cmd.json', '["python", "say.py"]');
    writeMetaFileSync(run, 'proc/env.json', '{"X": "\\u00e4"}');
    expect(readRunCmdSync(run)).toEqual({ args: ['python', 'say.py'], env: { X: 'ä' } });
  });

  test('no env file gives {}; a missing or mis-shaped command is a clear error', async () => {
    expect(() => readRunCmdSync(run)).toThrow('Cannot read "proc/cmd" in run "aaa": file is missing');
    writeMetaFileSync(run, 'proc/cmd', '["a"]', { writable: true });
    expect(readRunCmdSync(run)).toEqual({ args: ['a'], env: {} });
    writeMetaFileSync(run, 'proc/cmd', '["a", 1]', { writable: true });
    expect(() => readRunCmdSync(run)).toThrow(
      'Cannot read "proc/cmd" in run "aaa": expected a JSON array of strings or a string',
    );
    writeMetaFileSync(run, 'proc/cmd', '["a"]', { writable: true });
    writeMetaFileSync(run, 'proc/env', '{"A": 1}');
    expect(() => readRunCmdSync(run)).toThrow('Cannot read "proc/env" in run "aaa": expected a JSON object of strings');
  });
});
