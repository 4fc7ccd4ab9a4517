import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMetaSync } from './init-run-meta-sync.js';
import { makeRun } from './make-run.js';
import { runStatus } from '../status/run-status.js';
import { runTimestampSync } from '../meta-file/run-timestamp-sync.js';

let tmp: string;
let run: Run;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'));
});
afterEach(async () => {
  await removeTree(tmp);
});

const opdef = OpDef('test', { exec: 'python say.py', config: 'say.py' });
const read = (...p: string[]) => readFile(join(run.metaDir, ...p), 'utf8');
const LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} /;

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((p) => p.split('\\').join('/')).sort();
}

describe('initRunMetaSync()', () => {
  test('writes the seed files with their exact contents', async () => {
    initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, OpCmd(['python', 'say.py'], {}));
    expect(await listTree(run.metaDir)).toEqual([
      '__schema__',
      'config.json',
      'id',
      'initialized',
      'log',
      'log/runner',
      'opdef.json',
      'opref',
      'proc',
      'proc/cmd',
      'proc/env',
    ]);
    expect(await read('__schema__')).toBe('1');
    expect(await read('id')).toBe(run.id);
    expect(await read('opref')).toBe('2 test test');
    expect(await read('opdef.json')).toBe('{\n  "config": "say.py",\n  "exec": "python say.py"\n}');
    expect(await read('config.json')).toBe('{}');
    expect(await read('proc/cmd')).toBe('[\n  "python",\n  "say.py"\n]');
    expect(await read('proc/env')).toBe('{}');
    expect(await read('initialized')).toMatch(/^\d{16}$/);
    expect(runTimestampSync(run, 'initialized')).toBe(Number(await read('initialized')));
    expect(run.opref).toEqual({ ns: 'test', name: 'test' });
    expect(await runStatus(run)).toBe('pending');
  });

  test('with system attributes: the listing of section 5 and the runner log in order', async () => {
    initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, OpCmd(['echo', 'hello'], {}), {
      platform: 'Linux 6.1.0 x86_64',
      zeta: 'test 123',
    });
    expect(await listTree(run.metaDir)).toEqual([
      '__schema__',
      'config.json',
      'id',
      'initialized',
      'log',
      'log/runner',
      'opdef.json',
      'opref',
      'proc',
      'proc/cmd',
      'proc/env',
      'sys',
      'sys/platform.json',
      'sys/zeta.json',
    ]);
    expect(await read('sys', 'zeta.json')).toBe('"test 123"');
    const lines = (await read('log', 'runner')).split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(LOG_LINE);
    expect(lines.map((l) => l.slice(25))).toEqual([
      'Writing meta opref',
      'Writing meta run id',
      'Writing meta opdef',
      'Writing meta config',
      'Writing meta proc cmd',
      'Writing meta proc env',
      'Writing meta system platform',
      'Writing meta system zeta',
      'Writing meta initialized',
    ]);
  });

  test('makes every file it writes read-only except log/runner', async () => {
    await writeFile(join(tmp, 'probe'), '', { mode: 0o666 });
    const writable = (await stat(join(tmp, 'probe'))).mode & 0o777;
    initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, OpCmd(['python', 'say.py']), { platform: 'x' });
    for (const file of ['__schema__', 'config.json', 'id', 'initialized', 'opdef.json', 'opref', 'proc/cmd', 'proc/env', 'sys/platform.json']) {
      expect([file, (await stat(join(run.metaDir, file))).mode & 0o777]).toEqual([file, 0o444 & writable]);
    }
    expect((await stat(join(run.metaDir, 'log', 'runner'))).mode & 0o777).toBe(writable);
  });

  test('keeps integers and floats apart in config.json; a shell command is a JSON string', async () => {
    initRunMetaSync(run, { ns: 'hello', name: 'train', version: '2' }, opdef, { lr: 1.0, epochs: 3n, name: 'ä', flag: true, none: null },
      OpCmd('python train.py --x 1', { A: '1' }));
    expect(await read('config.json')).toBe('{\n  "epochs": 3,\n  "flag": true,\n  "lr": 1.0,\n  "name": "ä",\n  "none": null\n}');
    expect(await read('proc/cmd')).toBe('"python train.py --x 1"');
    expect(await read('proc/env')).toBe('{\n  "A": "1"\n}');
    expect(await read('opref')).toBe('2 hello train 2');
  });

  test('fails on a meta dir that is already initialized', async () => {
    initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, OpCmd(['a']));
    const before = await read('log', 'runner');
    expect(() => initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, OpCmd(['a']))).toThrow(expect.objectContaining({
      code: 'ERR_GAGE_RUN_META_INITIALIZED',
      message: `run meta already initialized: ${run.metaDir}`,
    }));
    expect(await read('log', 'runner')).toBe(before);
  });

  test('an invalid opref fails before anything is written', async () => {
    expect(() => initRunMetaSync(run, { ns: 'a b', name: 'x' }, opdef, {}, OpCmd(['a']))).toThrow(expect.objectContaining({
      message: 'opref namespace (op_ns) cannot contain spaces',
    }));
    expect(await readdir(run.metaDir)).toEqual([]);
  });

  test('a system attribute name that is not a plain file name is refused', async () => {
    expect(() => initRunMetaSync(run, { ns: 't', name: 't' }, opdef, {}, OpCmd(['a']), { '../x': 1n })).toThrow(
      "invalid system attribute name: '../x'",
    );
  });
});
