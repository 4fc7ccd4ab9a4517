import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { findOrphanedRunFiles } from './find-orphaned-run-files.js';
import { removeOrphanedRunFiles } from './remove-orphaned-run-files.js';
import { lockRun } from '../lock/run-lock.js';

const ID = '6f1c2d3e-1111-4222-8333-444455556666';
const ID2 = '7a000000-1111-4222-8333-444455556666';

let runsDir: string;
beforeEach(async () => {
  runsDir = join(await testdir(), 'runs');
  await mkdir(runsDir);
});
afterEach(async () => {
  await removeTree(join(runsDir, '..'));
});

const entries = async () => (await readdir(runsDir)).sort();

describe('findOrphanedRunFiles() and removeOrphanedRunFiles()', () => {
  test('find the run dirs and sidecars of ids without a meta dir, and nothing else', async () => {
    await makeFakeRun(runsDir, 'aaa'); // a run: its files are no orphans
    await mkdir(join(runsDir, 'aaa.user'));
    await makeFakeRun(runsDir, 'bbb', { deleted: true }); // a deleted run neither
    await writeFile(join(runsDir, 'bbb.project'), 'file:..');
    await mkdir(join(runsDir, ID)); // what an interrupted removal of an older Gage left
    await mkdir(join(runsDir, `${ID}.user`));
    await writeFile(join(runsDir, `${ID}.project`), 'file:..');
    await mkdir(join(runsDir, 'ccc.user')); // a label written while ccc was purged
    await mkdir(join(runsDir, ID2)); // a bare run dir named like a run id
    await mkdir(join(runsDir, 'notes')); // anything else stays
    await writeFile(join(runsDir, 'README'), '');
    expect(await findOrphanedRunFiles(runsDir)).toEqual([
      { id: ID, paths: [ID, `${ID}.project`, `${ID}.user`].map((n) => join(runsDir, n)) },
      { id: ID2, paths: [join(runsDir, ID2)] },
      { id: 'ccc', paths: [join(runsDir, 'ccc.user')] },
    ]);
    const removed = await removeOrphanedRunFiles(runsDir);
    expect(removed.sort()).toEqual([ID, `${ID}.project`, `${ID}.user`, ID2, 'ccc.user'].map((n) => join(runsDir, n)).sort());
    expect(await entries()).toEqual(['README', 'aaa', 'aaa.meta', 'aaa.user', 'bbb', 'bbb.meta.deleted', 'bbb.project', 'notes']);
    expect(await findOrphanedRunFiles(join(runsDir, 'missing'))).toEqual([]);
  });

  test('the run dir and sidecars of a Gage (Python) run with a zipped meta dir are no orphans (docs/spec/import.md 1)', async () => {
    await mkdir(join(runsDir, ID));
    await writeFile(join(runsDir, `${ID}.meta.zip`), '');
    await mkdir(join(runsDir, `${ID}.user`));
    await writeFile(join(runsDir, `${ID}.project`), 'file:..');
    await mkdir(join(runsDir, ID2));
    await writeFile(join(runsDir, `${ID2}.meta.zip.deleted`), '');
    expect(await findOrphanedRunFiles(runsDir)).toEqual([]);
    expect(await removeOrphanedRunFiles(runsDir)).toEqual([]);
    expect(await entries()).toEqual([ID, `${ID}.meta.zip`, `${ID}.project`, `${ID}.user`, ID2, `${ID2}.meta.zip.deleted`]);
  });

  test('skip an id whose lock is held (its delete is still going on); take a stale lock over', async () => {
    await mkdir(join(runsDir, `${ID}.user`));
    const held = await lockRun({ id: ID, name: '', runDir: join(runsDir, ID), metaDir: join(runsDir, `${ID}.meta`) });
    expect(await removeOrphanedRunFiles(runsDir)).toEqual([]);
    expect(await entries()).toEqual([`${ID}.lock`, `${ID}.user`]);
    await held.release();
    await mkdir(join(runsDir, `${ID}.lock`));
    const old = (Date.now() - 60_000) / 1000;
    await utimes(join(runsDir, `${ID}.lock`), old, old); // left by a killed process
    expect(await removeOrphanedRunFiles(runsDir)).toEqual([`${ID}.lock`, `${ID}.user`].map((n) => join(runsDir, n)));
    expect(await entries()).toEqual([]);
  });
});
