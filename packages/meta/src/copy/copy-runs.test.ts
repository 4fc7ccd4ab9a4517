import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmod, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { associateProject } from '../project/associate-project.js';
import { copyRuns } from './copy-runs.js';
import { listRuns } from '../list/list-runs.js';
import { logUserAttrs } from '../attrs/log-user-attrs.js';
import { makeReadOnlySync } from '../io/make-read-only-sync.js';
import { runUserAttrs } from '../attrs/run-user-attrs.js';
import { scanRunFiles } from '../files/scan-run-files.js';
import { writeManifest } from '../files/write-manifest.js';

let tmp: string;
let src: string;
let dest: string;
let done: Run;
beforeEach(async () => {
  tmp = await testdir();
  src = join(tmp, 'src');
  dest = join(tmp, 'dest');
  done = await finishedRun('aaa');
  await logUserAttrs(done, { label: 'best' });
  await associateProject(done, tmp);
});
afterEach(async () => {
  await removeTree(tmp);
});

async function finishedRun(id: string, files: Record<string, string> = { 'model.bin': 'weights', 'sub/log.txt': 'log' }): Promise<Run> {
  const run = await makeFakeRun(src, id, { started: 1, exit: 0 });
  await writeFile(join(run.metaDir, '__schema__'), '1');
  for (const [p, text] of Object.entries(files)) {
    await mkdir(join(run.runDir, p, '..'), { recursive: true });
    await writeFile(join(run.runDir, p), text);
  }
  await symlink('model.bin', join(run.runDir, 'link'));
  await scanRunFiles(run, 'g');
  await writeManifest(run);
  makeReadOnlySync(join(run.metaDir, 'manifest'));
  return run;
}

describe('copyRuns()', () => {
  test('copies run dir, meta and user attrs (not the project ref) with modes, times and symlinks', async () => {
    const r = await copyRuns([done], dest);
    expect(r.copied.map((x) => x.id)).toEqual(['aaa']);
    expect(await entries(dest)).toEqual(['aaa', 'aaa.meta', 'aaa.user']);
    expect(await readFile(join(dest, 'aaa', 'sub', 'log.txt'), 'utf8')).toBe('log');
    expect(await readlink(join(dest, 'aaa', 'link'))).toBe('model.bin');
    expect((await stat(join(dest, 'aaa.meta', 'manifest'))).mode & 0o222).toBe(0);
    expect(Math.abs((await stat(join(dest, 'aaa', 'model.bin'))).mtimeMs - (await stat(join(src, 'aaa', 'model.bin'))).mtimeMs)).toBeLessThan(1);
    expect(await runUserAttrs(r.copied[0]!)).toEqual({ label: 'best' });
    expect((await listRuns(dest)).map((x) => x.id)).toEqual(['aaa']);
  });

  test('a second copy transfers nothing; a new attr entry is all that travels', async () => {
    await copyRuns([done], dest);
    const again = await copyRuns([done], dest);
    expect([again.copied, again.updated, again.upToDate.map((x) => x.id)]).toEqual([[], [], ['aaa']]);
    await logUserAttrs(done, { label: 'better' });
    const third = await copyRuns([done], dest);
    expect(third.updated.map((x) => x.id)).toEqual(['aaa']);
    expect(await runUserAttrs(third.updated[0]!)).toEqual({ label: 'better' });
  });

  test('runs that are not finished are skipped', async () => {
    const staged = await makeFakeRun(src, 'bbb', { staged: 1 });
    const r = await copyRuns([staged], dest);
    expect(r.skipped.map((s) => [s.run.id, s.reason])).toEqual([['bbb', 'it is staged']]);
    expect(await readdir(dest)).toEqual([]);
  });

  test('a copy that differs from its source fails and leaves nothing at the destination', async () => {
    // The manifest says one thing, the source another, and the copy can only match the source...
    // so break the copy's view: a manifest entry for a file that the run dir lacks.
    const broken = await finishedRun('ccc', { 'x.txt': 'x' });
    const { rm } = await import('node:fs/promises');
    await rm(join(broken.runDir, 'x.txt'));
    await expect(copyRuns([broken], dest)).rejects.toMatchObject({ code: 'ERR_GAGE_COPY',
      message: 'Copy of run "ccc" does not match its source: "x.txt" differs' });
    expect(await readdir(dest)).toEqual([]);
  });

  test('a source file changed after the run is copied as it is now', async () => {
    await chmod(join(done.runDir, 'model.bin'), 0o644);
    await writeFile(join(done.runDir, 'model.bin'), 'retrained');
    const r = await copyRuns([done], dest);
    expect(r.copied).toHaveLength(1);
    expect(await readFile(join(dest, 'aaa', 'model.bin'), 'utf8')).toBe('retrained');
  });

  test('temp dirs of dead copies and run dirs without meta (an interrupted copy) are replaced', async () => {
    await mkdir(join(dest, '.aaa.copy-999999999-abcd', 'aaa'), { recursive: true });
    await mkdir(join(dest, 'aaa'), { recursive: true });
    await writeFile(join(dest, 'aaa', 'partial'), '');
    await copyRuns([done], dest);
    expect(await entries(dest)).toEqual(['aaa', 'aaa.meta', 'aaa.user']);
    expect(await readdir(join(dest, 'aaa'))).not.toContain('partial');
  });
});
