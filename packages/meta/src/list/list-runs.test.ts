import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import type { RunLoadError } from '../errors.js';
import { listRuns } from './list-runs.js';
import { runForMetaDirSync } from '../run/run-for-meta-dir-sync.js';
import { setMetaLogger } from '../meta-logger.js';

let runsDir: string;
beforeEach(async () => {
  runsDir = join(await testdir(), 'runs');
  await mkdir(runsDir);
});
afterEach(async () => {
  setMetaLogger(undefined);
  await removeTree(join(runsDir, '..'));
});

const ids = (runs: { id: string }[]) => runs.map((r) => r.id);

describe('runForMetaDirSync()', () => {
  test('loads id, name, paths and op ref', async () => {
    await makeFakeRun(runsDir, 'abc', { opref: '2 hello train 3\n' });
    expect(runForMetaDirSync(join(runsDir, 'abc.meta'))).toEqual({
      id: 'abc',
      name: 'babab-bopus',
      runDir: join(runsDir, 'abc'),
      metaDir: join(runsDir, 'abc.meta'),
      opref: { ns: 'hello', name: 'train', version: '3' },
    });
  });

  test('without an id file the id is the dir name; an id file wins but paths follow the dir', async () => {
    await makeFakeRun(runsDir, 'abc', { idFile: undefined });
    expect(runForMetaDirSync(join(runsDir, 'abc.meta'))).toMatchObject({ id: 'abc', name: 'babab-bopus' });
    await makeFakeRun(runsDir, 'def', { idFile: ' 60a825b1-4196-41ff-af37-e731541cb1e4\n' });
    expect(runForMetaDirSync(join(runsDir, 'def.meta'))).toMatchObject({
      id: '60a825b1-4196-41ff-af37-e731541cb1e4',
      name: 'kafom-fikud',
      runDir: join(runsDir, 'def'),
      metaDir: join(runsDir, 'def.meta'),
    });
  });

  test('a deleted meta dir keeps the run dir path', async () => {
    await makeFakeRun(runsDir, 'abc', { deleted: true });
    expect(runForMetaDirSync(join(runsDir, 'abc.meta.deleted'))).toMatchObject({
      id: 'abc',
      runDir: join(runsDir, 'abc'),
      metaDir: join(runsDir, 'abc.meta.deleted'),
    });
  });

  test('a half-made run (no opref yet) loads without an opref, its id from the dir name when id is missing too', async () => {
    await makeFakeRun(runsDir, 'abc', { opref: undefined, idFile: undefined });
    expect(runForMetaDirSync(join(runsDir, 'abc.meta'))).toEqual({
      id: 'abc',
      name: 'babab-bopus',
      runDir: join(runsDir, 'abc'),
      metaDir: join(runsDir, 'abc.meta'),
      opref: undefined,
    });
  });

  test.each([
    ['a garbage opref', { opref: 'garbage' }],
    ['an unnameable id', { idFile: 'not-hex' }],
  ])('%s is not a run', async (_, options) => {
    await makeFakeRun(runsDir, 'abc', options);
    expect(runForMetaDirSync(join(runsDir, 'abc.meta'))).toBeUndefined();
  });

  test('a missing dir or a file is not a run', async () => {
    expect(runForMetaDirSync(join(runsDir, 'nope.meta'))).toBeUndefined();
    await writeFile(join(runsDir, 'file.meta'), '');
    expect(runForMetaDirSync(join(runsDir, 'file.meta'))).toBeUndefined();
  });
});

describe('listRuns()', () => {
  test('a missing runs dir gives []', async () => {
    expect(await listRuns(join(runsDir, 'missing'))).toEqual([]);
  });

  test('lists *.meta runs, half-made ones too, and ignores locks, sidecars and strays', async () => {
    await makeFakeRun(runsDir, 'aaa');
    await makeFakeRun(runsDir, 'bbb', { runDir: false });
    await makeFakeRun(runsDir, 'ccc', { deleted: true });
    await makeFakeRun(runsDir, 'ddd', { opref: undefined }); // half-made: no opref yet, still a run
    await mkdir(join(runsDir, 'aaa.lock'));
    await mkdir(join(runsDir, 'aaa.user'));
    await writeFile(join(runsDir, 'aaa.project'), 'file:..');
    await writeFile(join(runsDir, 'stray.meta'), 'a file, not a dir');
    await writeFile(join(runsDir, 'notes.txt'), '');
    await mkdir(join(runsDir, '.meta'));
    await mkdir(join(runsDir, 'eee'));
    const onError = jest.fn();
    const listed = await listRuns(runsDir, { sort: ['id'], onError });
    expect(ids(listed)).toEqual(['aaa', 'bbb', 'ddd']);
    expect(listed[2]?.opref).toBeUndefined();
    expect(onError).not.toHaveBeenCalled();
  });

  test('deleted lists *.meta.deleted runs only', async () => {
    await makeFakeRun(runsDir, 'aaa');
    await makeFakeRun(runsDir, 'ccc', { deleted: true });
    const runs = await listRuns(runsDir, { deleted: true });
    expect(runs).toEqual([expect.objectContaining({ id: 'ccc', metaDir: join(runsDir, 'ccc.meta.deleted') })]);
  });

  test('a corrupt run is reported through onError and skipped', async () => {
    await makeFakeRun(runsDir, 'aaa');
    await makeFakeRun(runsDir, 'bbb', { opref: '3 foobar' });
    await makeFakeRun(runsDir, 'ccc', { idFile: 'xyz' });
    await mkdir(join(runsDir, 'ddd.meta', 'opref'), { recursive: true }); // unreadable opref
    await makeFakeRun(runsDir, 'eee', { opref: undefined });
    execFileSync('mkfifo', [join(runsDir, 'eee.meta', 'opref')]); // never waited for
    const errors: RunLoadError[] = [];
    const runs = await listRuns(runsDir, { onError: (err) => errors.push(err) });
    expect(ids(runs)).toEqual(['aaa']);
    const byDir = Object.fromEntries(errors.map((e) => [e.metaDir, e]));
    expect(Object.keys(byDir).sort()).toEqual(['bbb', 'ccc', 'ddd', 'eee'].map((id) => join(runsDir, `${id}.meta`)));
    expect(byDir[join(runsDir, 'bbb.meta')]).toMatchObject({
      code: 'ERR_GAGE_RUN_LOAD',
      message: `Cannot load run "${join(runsDir, 'bbb.meta')}": unsupported opref schema: '3 foobar'`,
    });
    expect(byDir[join(runsDir, 'ccc.meta')]?.message).toBe(`Cannot load run "${join(runsDir, 'ccc.meta')}": invalid run id: 'xyz'`);
    expect(byDir[join(runsDir, 'ddd.meta')]?.message).toMatch(/^Cannot load run ".*ddd\.meta": cannot read opref: EISDIR/);
    expect(byDir[join(runsDir, 'eee.meta')]?.message).toMatch(/^Cannot load run ".*eee\.meta": cannot read opref: EFTYPE: not a regular file/);
  });

  test('without onError a corrupt run is a warning, not an error', async () => {
    const warn = jest.fn<(message: string) => void>();
    setMetaLogger(warn);
    await makeFakeRun(runsDir, 'aaa');
    await makeFakeRun(runsDir, 'bbb', { opref: 'garbage' });
    expect(ids(await listRuns(runsDir))).toEqual(['aaa']);
    expect(warn).toHaveBeenCalledWith(`Cannot load run "${join(runsDir, 'bbb.meta')}": invalid opref encoding: 'garbage'`);
  });

  test("sorts by '-timestamp': started, else staged, else initialized; runs without any last", async () => {
    await makeFakeRun(runsDir, 'a01', { initialized: 100, staged: 200, started: 300 });
    await makeFakeRun(runsDir, 'a02', { initialized: 100, staged: 400 });
    await makeFakeRun(runsDir, 'a03', { initialized: 350 });
    await makeFakeRun(runsDir, 'a04');
    await makeFakeRun(runsDir, 'a05', { initialized: 1, started: 1700000000000001 });
    expect(ids(await listRuns(runsDir, { sort: ['-timestamp'] }))).toEqual(['a05', 'a02', 'a03', 'a01', 'a04']);
    expect(ids(await listRuns(runsDir, { sort: ['timestamp'] }))).toEqual(['a04', 'a01', 'a03', 'a02', 'a05']);
  });

  test('later sort names break ties; missing values first ascending, last descending', async () => {
    await makeFakeRun(runsDir, 'b2', { started: 5, exit: 1 });
    await makeFakeRun(runsDir, 'a1', { started: 5, exit: 0 });
    await makeFakeRun(runsDir, 'c3', { started: 9 });
    await makeFakeRun(runsDir, 'd4', { staged: 9, exit: -15 });
    expect(ids(await listRuns(runsDir, { sort: ['started', '-id'] }))).toEqual(['d4', 'b2', 'a1', 'c3']);
    expect(ids(await listRuns(runsDir, { sort: ['-started', 'name'] }))).toEqual(['c3', 'a1', 'b2', 'd4']);
    expect(ids(await listRuns(runsDir, { sort: ['exit_code'] }))).toEqual(['c3', 'd4', 'a1', 'b2']);
    expect(ids(await listRuns(runsDir, { sort: ['-exit_code'] }))).toEqual(['b2', 'a1', 'd4', 'c3']);
  });

  test('an invalid timestamp warns and counts as missing', async () => {
    const warn = jest.fn<(message: string) => void>();
    setMetaLogger(warn);
    await makeFakeRun(runsDir, 'a1', { started: 5 });
    const bad = await makeFakeRun(runsDir, 'b2');
    await writeFile(join(bad.metaDir, 'started'), 'soon');
    expect(ids(await listRuns(runsDir, { sort: ['-started'] }))).toEqual(['a1', 'b2']);
    expect(warn).toHaveBeenCalledWith(`Invalid timestamp 'started' in "${bad.metaDir}"`);
  });

  test('an unknown sort attribute is a clear error', async () => {
    await expect(listRuns(runsDir, { sort: ['-colour'] })).rejects.toMatchObject({
      code: 'ERR_GAGE_LIST_RUNS',
      message: "Cannot sort runs by 'colour': unknown attribute",
    });
  });

  test('filter keeps matching runs', async () => {
    await makeFakeRun(runsDir, 'a1', { opref: '2 p train' });
    await makeFakeRun(runsDir, 'b2', { opref: '2 p eval' });
    expect(ids(await listRuns(runsDir, { filter: (run) => run.opref?.name === 'eval' }))).toEqual(['b2']);
  });

  test('names given by the caller replace the readdir', async () => {
    await makeFakeRun(runsDir, 'a1', { started: 5 });
    await makeFakeRun(runsDir, 'b2', { started: 9 });
    const names = await readdir(runsDir);
    await makeFakeRun(runsDir, 'c3', { started: 7 }); // not in names: not listed
    expect(ids(await listRuns(runsDir, { names, sort: ['-timestamp'] }))).toEqual(['b2', 'a1']);
    expect(ids(await listRuns(runsDir, { names: ['b2.meta', 'b2.user', 'x.meta'] }))).toEqual(['b2']);
  });

  test('read supplies the files of each run instead of the disk', async () => {
    await makeFakeRun(runsDir, 'a1', { started: 5 });
    await makeFakeRun(runsDir, 'b2', { started: 9 });
    const asked: string[] = [];
    const read = (metaDir: string, file: string): string | Error | undefined => {
      asked.push(`${basename(metaDir)}/${file}`);
      if (file === 'started') return basename(metaDir) === 'a1.meta' ? '20' : undefined;
      return file === 'opref' ? '2 p train' : undefined;
    };
    const runs = await listRuns(runsDir, { sort: ['-timestamp'], read });
    expect(ids(runs)).toEqual(['a1', 'b2']); // a1 started at 20 (supplied), b2 has no timestamp at all
    expect(runs[0]?.opref).toEqual({ ns: 'p', name: 'train' });
    expect(asked).toEqual(expect.arrayContaining(['a1.meta/opref', 'a1.meta/id', 'a1.meta/started', 'b2.meta/staged', 'b2.meta/initialized']));
  });

  test('an unreadable file from read is a corrupt run', async () => {
    await makeFakeRun(runsDir, 'a1');
    const errors: string[] = [];
    const read = (_metaDir: string, file: string) => (file === 'opref' ? new Error('EIO: i/o error') : undefined);
    expect(await listRuns(runsDir, { read, onError: (err) => errors.push(err.message) })).toEqual([]);
    expect(errors).toEqual([`Cannot load run "${join(runsDir, 'a1.meta')}": cannot read opref: EIO: i/o error`]);
  });

  test('lists a thousand runs', async () => {
    for (let i = 0; i < 1000; i++) await makeFakeRun(runsDir, i.toString(16).padStart(4, '0'), { started: i, runDir: false });
    const runs = await listRuns(runsDir, { sort: ['-timestamp'] });
    expect(runs).toHaveLength(1000);
    expect(runs[0]?.id).toBe('03e7');
    expect(runs[999]?.id).toBe('0000');
  });
});
