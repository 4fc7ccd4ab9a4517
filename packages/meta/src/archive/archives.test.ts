import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { realpathSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { archiveRunsDir } from './archive-runs-dir.js';
import { associateProject } from '../project/associate-project.js';
import { deleteArchive } from './delete-archive.js';
import { listArchives } from './list-archives.js';
import { listRuns } from '../list/list-runs.js';
import { logUserAttrs } from '../attrs/log-user-attrs.js';
import { moveRuns } from './move-runs.js';
import { renameArchive } from './rename-archive.js';
import { lockRun } from '../lock/run-lock.js';
import { runProjectDir } from '../project/run-project-dir.js';
import { runUserAttrs } from '../attrs/run-user-attrs.js';

let project: string;
let runsDir: string;
let a: Run;
let b: Run;
beforeEach(async () => {
  project = await testdir();
  runsDir = join(project, '.gage', 'runs');
  a = await makeFakeRun(runsDir, 'aaa');
  b = await makeFakeRun(runsDir, 'bbb');
  await writeFile(join(a.runDir, 'model.bin'), 'weights');
  await logUserAttrs(a, { label: 'best' });
  await associateProject(a, project);
});
afterEach(async () => {
  await removeTree(project);
});

describe('archives', () => {
  test('archive names are directory names: no /, .., control characters or leading dot', () => {
    expect(archiveRunsDir(runsDir, 'my archive 2024')).toBe(join(runsDir, '.archives', 'my archive 2024'));
    for (const bad of ['', ' ', 'a/b', '..', '.', '../x', 'a\\b', '.hidden', 'a\nb', 'x'.repeat(201)]) {
      expect(() => archiveRunsDir(runsDir, bad)).toThrow(expect.objectContaining({ code: 'ERR_GAGE_ARCHIVE_NAME' }) as unknown as Error);
    }
  });

  test('moveRuns moves run dir, meta, user attrs and a relative project ref that still resolves', async () => {
    expect(await readFile(`${a.runDir}.project`, 'utf8')).toBe('file:../..');
    const dest = archiveRunsDir(runsDir, 'keep');
    const moved = await moveRuns([a], dest);
    expect(moved.map((r) => r.metaDir)).toEqual([join(dest, 'aaa.meta')]);
    expect(await entries(runsDir)).toEqual(['.archives', 'bbb', 'bbb.meta']);
    expect(await entries(dest)).toEqual(['aaa', 'aaa.meta', 'aaa.project', 'aaa.user']);
    expect(await readFile(join(dest, 'aaa', 'model.bin'), 'utf8')).toBe('weights');
    expect(await runUserAttrs(moved[0]!)).toEqual({ label: 'best' });
    expect(await readFile(join(dest, 'aaa.project'), 'utf8')).toBe('file:../../../..');
    expect(await runProjectDir(moved[0]!)).toBe(realpathSync(project));
    expect((await listRuns(runsDir)).map((r) => r.id)).toEqual(['bbb']);
    expect((await listRuns(dest)).map((r) => r.id)).toEqual(['aaa']);
    // And back again.
    await moveRuns(moved, runsDir);
    expect((await listRuns(runsDir)).map((r) => r.id).sort()).toEqual(['aaa', 'bbb']);
    expect(await readFile(`${a.runDir}.project`, 'utf8')).toBe('file:../..');
  });

  test('a locked run stops the move before anything moves', async () => {
    const lock = await lockRun(b);
    try {
      await expect(moveRuns([a, b], archiveRunsDir(runsDir, 'x'))).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
    } finally {
      await lock.release();
    }
    expect((await listRuns(runsDir)).map((r) => r.id).sort()).toEqual(['aaa', 'bbb']);
  });

  test('an interrupted move (parts moved, meta not) leaves the run at its source; moving again finishes', async () => {
    const dest = archiveRunsDir(runsDir, 'x');
    await mkdir(dest, { recursive: true });
    const { rename } = await import('node:fs/promises');
    await rename(a.runDir, join(dest, 'aaa'));
    expect((await listRuns(runsDir)).map((r) => r.id).sort()).toEqual(['aaa', 'bbb']);
    await moveRuns([a], dest);
    expect(await entries(dest)).toEqual(['aaa', 'aaa.meta', 'aaa.project', 'aaa.user']);
  });

  test('a run whose id the destination has is skipped', async () => {
    const dest = archiveRunsDir(runsDir, 'x');
    await makeFakeRun(dest, 'aaa');
    expect(await moveRuns([a], dest)).toEqual([]);
    expect((await listRuns(runsDir)).map((r) => r.id).sort()).toEqual(['aaa', 'bbb']);
  });

  test('listArchives, renameArchive, deleteArchive', async () => {
    expect(await listArchives(runsDir)).toEqual([]);
    await moveRuns([a, b], archiveRunsDir(runsDir, 'two'));
    await mkdir(archiveRunsDir(runsDir, 'empty'));
    const list = await listArchives(runsDir);
    expect(list.map((x) => [x.name, x.runs, typeof x.lastArchived])).toEqual([['empty', 0, 'undefined'], ['two', 2, 'number']]);
    await expect(renameArchive(runsDir, 'nope', 'x')).rejects.toMatchObject({ code: 'ERR_GAGE_ARCHIVE_NOT_FOUND', message: "archive 'nope' does not exist" });
    await expect(renameArchive(runsDir, 'two', 'empty')).rejects.toMatchObject({ code: 'ERR_GAGE_ARCHIVE_EXISTS' });
    await expect(renameArchive(runsDir, 'two', '../escape')).rejects.toMatchObject({ code: 'ERR_GAGE_ARCHIVE_NAME' });
    await renameArchive(runsDir, 'two', 'pair');
    expect((await listArchives(runsDir)).map((x) => x.name)).toEqual(['empty', 'pair']);
    await expect(deleteArchive(runsDir, 'pair')).rejects.toMatchObject({ code: 'ERR_GAGE_ARCHIVE_NOT_EMPTY', message: 'archive pair is not empty' });
    await deleteArchive(runsDir, 'empty');
    await expect(deleteArchive(runsDir, 'empty')).rejects.toMatchObject({ code: 'ERR_GAGE_ARCHIVE_NOT_FOUND' });
    expect(await readdir(join(runsDir, '.archives'))).toEqual(['pair']);
  });
});
