import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { expectNoCrash, gage, makeSandbox, mountSmallDisk, remount, type Sandbox, type SmallDisk } from './_helpers.js';

/**
 * A runs dir on a real, small file system (a 2 MB tmpfs) that fills up, or
 * that is read-only. Mounting needs root (or CAP_SYS_ADMIN): without it
 * these tests fail and say so, they never pass unseen.
 */
let box: Sandbox;
let disk: SmallDisk;
let opts: Sandbox['opts'];
beforeEach(async () => {
  box = await makeSandbox({ 'gage.toml': '[a]\nexec = "node -e \\"console.log(1)\\""\n' });
  disk = await mountSmallDisk('2m');
  opts = { ...box.opts, env: { GAGE_RUNS: disk.dir } };
});
afterEach(async () => {
  await disk?.unmount();
  await box.dispose();
});

const NO_SPACE = /^gage: Cannot [^\n]+: no space left on device[^\n]*\n\nFree some space on that file system and try again\.\n$/;

describe('a full disk', () => {
  test('a run whose output fills the disk: a clear error, the run finalized as far as possible, earlier runs intact', async () => {
    expect((await gage(['run', '-y', '-q'], opts)).code).toBe(0);
    const [first] = await listRuns(disk.dir);
    // The op writes 4 MB of output: more than the disk holds.
    await writeFile(join(box.project, 'gage.toml'), '[a]\nexec = "node -e \\"process.stdout.write(\'x\'.repeat(4e6))\\""\n');
    const res = await gage(['run', '-y', '-q'], opts);
    expectNoCrash(res);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^gage: Cannot save the output of run "[^"]+": no space left on device \("[^"]+\/output\/40_run"\)\n\nFree some space/);
    const after = await listRuns(disk.dir, { sort: ['-timestamp'] });
    const full = after.find((r) => r.id !== first?.id) as Run;
    // Not `staged` (which would look startable): it ran, and nobody can finalize it.
    expect(['terminated', 'error']).toContain(await runStatus(full));
    const again = after.find((r) => r.id === first?.id) as Run;
    expect(readMetaFileSync(again, 'proc/exit')).toBe('0');
    expect(readMetaFileSync(again, 'output/40_run')).toBe('1\n');
    const list = await gage(['list'], opts);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(/\| staged /);
    expectNoCrash(await gage(['show', full.id], opts));
  });

  test('runs made on a full disk (out of space at init or staging) are listed and can all be deleted', async () => {
    await writeFile(join(box.project, 'gage.toml'), '[a]\nexec = "node -e \\"process.stdout.write(\'x\'.repeat(4e6))\\""\n');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await gage(['run', '-y', '-q'], opts));
    for (const res of results) {
      expectNoCrash(res);
      expect(res.code).toBe(1);
    }
    // The disk is full after the first: the others stop at their first meta file.
    for (const res of results.slice(1)) expect(res.stderr).toMatch(NO_SPACE);
    const metaDirs = (await readdir(disk.dir)).filter((n) => n.endsWith('.meta'));
    expect(metaDirs).toHaveLength(4);
    const list = await gage(['list'], opts);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').filter((l) => /^\| \d/.test(l))).toHaveLength(4); // half-made runs too, as unknown
    expect(list.stdout.match(/\| unknown /g)?.length).toBe(3);
    const rm = await gage(['rm', '-p', '-a', '-y'], opts);
    expect({ code: rm.code, stderr: rm.stderr }).toEqual({ code: 0, stderr: 'Permanently deleted 4 runs\n' });
    expect(await readdir(disk.dir)).toEqual([]);
  });
});

describe('a read-only runs dir', () => {
  test('rm, rm -p, label, purge and run say that the file system is read-only', async () => {
    expect((await gage(['run', '-y', '-q'], opts)).code).toBe(0);
    expect((await gage(['run', '-y', '-q'], opts)).code).toBe(0);
    expect((await gage(['rm', '-y', '2'], opts)).code).toBe(0);
    const before = (await readdir(disk.dir)).sort();
    await remount(disk.dir, true);
    try {
      expect((await gage(['list'], opts)).code).toBe(0);
      for (const args of [['rm', '-y', '1'], ['rm', '-p', '-y', '1'], ['label', '-s', 'x', '-y', '1'], ['purge', '-a', '-y'], ['restore', '-a', '-y'], ['run',
        '-y', '-q']])
      {
        const res = await gage(args, opts);
        expectNoCrash(res);
        expect({ args, code: res.code }).toEqual({ args, code: 1 });
        expect(res.stderr).toMatch(
          /^gage: Cannot [^\n]+: read-only file system[^\n]*\n\nRemount that file system read-write, or use a runs dir on another one\.\n$/,
        );
      }
      expect((await readdir(disk.dir)).sort()).toEqual(before);
    } finally {
      await remount(disk.dir, false);
    }
  });
});
