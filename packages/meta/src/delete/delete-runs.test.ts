import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, readdir, rename, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { deleteRuns } from './delete-runs.js';
import { listRuns } from '../list/list-runs.js';
import { purgeRuns } from './purge-runs.js';
import { restoreRuns } from './restore-runs.js';
import { setMetaLogger } from '../meta-logger.js';

let tmp: string;
let runsDir: string;
beforeEach(async () => {
  tmp = await testdir();
  runsDir = join(tmp, 'runs');
});
afterEach(async () => {
  setMetaLogger(undefined);
  await removeTree(tmp);
});

const entries = async () => (await readdir(runsDir)).sort();
const ids = (runs: { id: string }[]) => runs.map((r) => r.id).sort();

/** A run with every sidecar, read-only files and a read-only dir in its run dir. */
async function makeFullRun(id: string) {
  const run = await makeFakeRun(runsDir, id, { started: 1 });
  await mkdir(join(run.runDir, 'sub'));
  await writeFile(join(run.runDir, 'sub', 'out.txt'), 'x');
  await chmod(join(run.runDir, 'sub', 'out.txt'), 0o444);
  await chmod(join(run.runDir, 'sub'), 0o555);
  await chmod(join(run.metaDir, 'opref'), 0o444);
  await mkdir(`${run.runDir}.user`);
  await writeFile(`${run.runDir}.project`, 'file:..');
  await mkdir(`${run.runDir}.move`);
  return run;
}

describe('deleteRuns() and restoreRuns()', () => {
  test('delete moves <id>.meta to <id>.meta.deleted; restore moves it back', async () => {
    const abc = await makeFullRun('abc');
    await makeFakeRun(runsDir, 'abcd');
    const deleted = await deleteRuns([abc]);
    expect(deleted).toEqual([{ ...abc, metaDir: join(runsDir, 'abc.meta.deleted') }]);
    expect(await entries()).toEqual([
      'abc',
      'abc.meta.deleted',
      'abc.move',
      'abc.project',
      'abc.user',
      'abcd',
      'abcd.meta',
    ]);
    expect(ids(await listRuns(runsDir))).toEqual(['abcd']);
    const trash = await listRuns(runsDir, { deleted: true });
    expect(ids(trash)).toEqual(['abc']);

    const restored = await restoreRuns(trash);
    expect(restored).toEqual([{ ...trash[0], metaDir: join(runsDir, 'abc.meta') }]);
    expect(await entries()).toEqual(['abc', 'abc.meta', 'abc.move', 'abc.project', 'abc.user', 'abcd', 'abcd.meta']);
    expect(ids(await listRuns(runsDir))).toEqual(['abc', 'abcd']);
  });

  test('delete replaces a stale <id>.meta.deleted', async () => {
    const abc = await makeFakeRun(runsDir, 'abc', { started: 2 });
    await mkdir(join(runsDir, 'abc.meta.deleted', 'old'), { recursive: true });
    await writeFile(join(runsDir, 'abc.meta.deleted', 'old', 'file'), '');
    await chmod(join(runsDir, 'abc.meta.deleted', 'old', 'file'), 0o444);
    await deleteRuns([abc]);
    expect((await readdir(join(runsDir, 'abc.meta.deleted'))).sort()).toEqual(['id', 'opref', 'proc', 'started']);
  });

  test('deleting an already deleted run, or a run twice, is harmless', async () => {
    const abc = await makeFakeRun(runsDir, 'abc');
    expect(await deleteRuns([abc, abc])).toHaveLength(1);
    expect(await deleteRuns([abc])).toEqual([]);
    expect(await entries()).toEqual(['abc', 'abc.meta.deleted']);
  });

  test('restore warns and skips a run whose <id>.meta exists', async () => {
    const warn = jest.fn<(message: string) => void>();
    setMetaLogger(warn);
    await makeFakeRun(runsDir, 'abc', { deleted: true });
    await makeFakeRun(runsDir, 'abc');
    await makeFakeRun(runsDir, 'def', { deleted: true });
    const restored = await restoreRuns(await listRuns(runsDir, { deleted: true }));
    expect(ids(restored)).toEqual(['def']);
    expect(warn).toHaveBeenCalledWith('abc has already been restored');
    expect(await entries()).toEqual(['abc', 'abc.meta', 'abc.meta.deleted', 'def', 'def.meta']);
  });
});

describe('permanent delete and purgeRuns()', () => {
  test('an interrupted permanent delete leaves a deleted run that cannot be restored and that purge finishes', async () => {
    const warn = jest.fn<(message: string) => void>();
    setMetaLogger(warn);
    await makeFullRun('abc');
    // What `delete -p` leaves when stopped inside the run dir: the meta dir is in the trash with the marker,
    // part of the run dir is gone, the sidecars are still there.
    await rename(join(runsDir, 'abc.meta'), join(runsDir, 'abc.meta.deleted'));
    await writeFile(join(runsDir, 'abc.meta.deleted', 'purging'), '');
    const [trashed] = await listRuns(runsDir, { deleted: true });
    expect(trashed?.id).toBe('abc');
    expect(await restoreRuns([trashed!])).toEqual([]);
    expect(warn).toHaveBeenCalledWith('Run "abc" was partly removed by an interrupted permanent delete and cannot be restored; purge it');
    expect(await purgeRuns([trashed!])).toHaveLength(1);
    expect(await entries()).toEqual([]);
  });

  test('delete -p moves the meta dir to the trash first and removes it last', async () => {
    const abc = await makeFullRun('abc');
    const seen: string[] = [];
    const removal = deleteRuns([abc], { permanent: true });
    // Poll the runs dir while it runs: never without a meta dir while the run dir or a sidecar exists.
    for (let done = false; !done;) {
      done = await Promise.race([removal.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);
      const names = await entries();
      if (names.some((n) => n === 'abc' || n === 'abc.user' || n === 'abc.project') && !names.includes('abc.meta.deleted') && !names.includes('abc.meta')) {
        seen.push(names.join(' '));
      }
    }
    expect(seen).toEqual([]);
    expect(await entries()).toEqual([]);
  });

  test('delete -p removes exactly <id> and <id>.*, never a run whose id extends it', async () => {
    const abc = await makeFullRun('abc');
    await makeFullRun('abcd');
    await makeFakeRun(runsDir, 'ab');
    expect(await deleteRuns([abc], { permanent: true })).toEqual([abc]);
    expect(await entries()).toEqual(['ab', 'ab.meta', 'abcd', 'abcd.meta', 'abcd.move', 'abcd.project', 'abcd.user']);
  });

  test('purge removes deleted runs and leaves abcd alone', async () => {
    await makeFullRun('abc');
    await makeFullRun('abcd');
    const [abc] = await deleteRuns(await listRuns(runsDir, { filter: (r) => r.id === 'abc' }));
    const abcd = (await listRuns(runsDir))[0]!;
    await deleteRuns([abcd]);
    const purged = await purgeRuns([abc!]);
    expect(purged).toEqual([abc]);
    expect(await entries()).toEqual(['abcd', 'abcd.meta.deleted', 'abcd.move', 'abcd.project', 'abcd.user']);
    expect(ids(await listRuns(runsDir, { deleted: true }))).toEqual(['abcd']);
  });

  test('purging every deleted run empties the trash', async () => {
    for (const id of ['a1', 'b2', 'c3']) await makeFullRun(id);
    await deleteRuns(await listRuns(runsDir));
    expect(ids(await purgeRuns(await listRuns(runsDir, { deleted: true })))).toEqual(['a1', 'b2', 'c3']);
    expect(await entries()).toEqual([]);
  });
});

describe('run locks', () => {
  const pkgDir = resolve(import.meta.dirname, '..', '..');
  const holders: ChildProcess[] = [];
  afterEach(async () => {
    await Promise.all(holders.splice(0).map((child) => new Promise((done) => {
      child.once('close', done);
      child.stdin?.end();
    })));
  });

  /** Starts a process that holds the run lock of `<runsDir>/<id>` (same options as lockRun) until its stdin closes. */
  function holdLock(id: string): Promise<void> {
    const script = `
      import lockfile from 'proper-lockfile';
      const release = await lockfile.lock(process.argv[1], { realpath: false, stale: 10000, update: 5000, retries: 0 });
      process.stdin.on('end', async () => { await release(); process.exit(0); });
      process.stdin.resume();
      console.log('locked');
    `;
    const child = spawn('node', ['--input-type=module', '-e', script, join(runsDir, id)], { cwd: pkgDir, stdio: ['pipe', 'pipe', 'inherit'] });
    holders.push(child);
    return new Promise((done, fail) => {
      child.on('error', fail);
      child.on('close', (code) => fail(new Error(`lock holder exited ${code}`)));
      child.stdout!.on('data', (data) => String(data).includes('locked') && done());
    });
  }

  test.each([
    ['deleteRuns', (runs: Parameters<typeof deleteRuns>[0]) => deleteRuns(runs)],
    ['deleteRuns permanent', (runs: Parameters<typeof deleteRuns>[0]) => deleteRuns(runs, { permanent: true })],
    ['purgeRuns', purgeRuns],
  ])('%s refuses while another process holds a lock and changes nothing', async (_, remove) => {
    for (const id of ['a1', 'b2', 'c3']) await makeFullRun(id);
    const runs = await listRuns(runsDir, { sort: ['id'] });
    await holdLock('b2');
    const before = await entries();
    await expect(remove(runs)).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_LOCKED',
      message: 'Run "b2" is in use by another process',
    });
    expect(await entries()).toEqual(before); // a1's lock was released, nothing moved or removed
    expect(before).toContain('b2.lock');
    expect(before).not.toContain('a1.lock');
  });

  test('restoreRuns refuses while another process holds a lock and changes nothing', async () => {
    for (const id of ['a1', 'b2']) await makeFakeRun(runsDir, id, { deleted: true });
    await holdLock('a1');
    const before = await entries();
    await expect(restoreRuns(await listRuns(runsDir, { deleted: true }))).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_LOCKED',
      message: 'Run "a1" is in use by another process',
    });
    expect(await entries()).toEqual(before);
  });

  test('a stale lock left by a dead runner is taken over', async () => {
    const abc = await makeFakeRun(runsDir, 'abc');
    await mkdir(join(runsDir, 'abc.lock'));
    const old = new Date(Date.now() - 60_000);
    await utimes(join(runsDir, 'abc.lock'), old, old);
    await deleteRuns([abc], { permanent: true });
    expect(await entries()).toEqual([]);
  });

  test('a stale lock whose run process still lives (its runner was killed) is not taken over', async () => {
    const abc = await makeFakeRun(runsDir, 'abc');
    const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
    try {
      await mkdir(join(runsDir, 'abc.meta', 'proc'), { recursive: true });
      await writeFile(join(runsDir, 'abc.meta', 'proc', 'lock'), String(child.pid));
      await mkdir(join(runsDir, 'abc.lock'));
      const old = new Date(Date.now() - 60_000);
      await utimes(join(runsDir, 'abc.lock'), old, old);
      const before = await entries();
      for (const remove of [() => deleteRuns([abc]), () => deleteRuns([abc], { permanent: true })]) {
        await expect(remove()).rejects.toMatchObject({
          code: 'ERR_GAGE_RUN_LOCKED',
          message: 'Run "abc" is in use by another process',
          hint: `Its process ${child.pid} still runs although its runner stopped; stop it with 'kill -TERM -${child.pid}', then try again.`,
        });
      }
      expect(await entries()).toEqual(before);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await deleteRuns([abc], { permanent: true });
    expect(await entries()).toEqual([]);
  });

  test('no lock dirs are left after delete, restore and purge', async () => {
    const abc = await makeFakeRun(runsDir, 'abc');
    const [deleted] = await deleteRuns([abc]);
    const [restored] = await restoreRuns([deleted!]);
    expect(await entries()).toEqual(['abc', 'abc.meta']);
    await purgeRuns([restored!]);
    expect(await entries()).toEqual([]);
  });
});
