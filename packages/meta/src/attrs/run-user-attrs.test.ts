import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { getAttrsByAuthor } from './get-attrs-by-author.js';
import { initRunUserAttrs } from './init-run-user-attrs.js';
import { deleteRuns } from '../delete/delete-runs.js';
import { logUserAttrs } from './log-user-attrs.js';
import { lockRun } from '../lock/run-lock.js';
import { runUserAttrs } from './run-user-attrs.js';

let tmp: string;
let run: Run;
let userDir: string;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeFakeRun(tmp, 'abc');
  userDir = join(tmp, 'abc.user');
});
afterEach(async () => {
  await removeTree(tmp);
});

function osUser(): string {
  try {
    return userInfo().username || process.env['USER'] || '__unknown__';
  } catch {
    return process.env['USER'] || '__unknown__';
  }
}

describe('initRunUserAttrs()', () => {
  test('creates <id>.user with one entry by the OS user', async () => {
    await initRunUserAttrs(run, { label: 'baseline' });
    const names = await readdir(userDir);
    expect(names).toHaveLength(1);
    const entry = JSON.parse(await readFile(join(userDir, names[0] as string), 'utf8'));
    expect(entry).toEqual({ author: osUser(), set: { label: 'baseline' }, delete: [] });
    expect(await runUserAttrs(run)).toEqual({ label: 'baseline' });
  });

  test('empty attrs do nothing', async () => {
    await initRunUserAttrs(run, {});
    expect(await readdir(tmp)).not.toContain('abc.user');
  });

  test('an existing .user dir is an error', async () => {
    await mkdir(userDir);
    await expect(initRunUserAttrs(run, { label: 'x' })).rejects.toMatchObject({
      code: 'ERR_GAGE_ATTR_LOG',
      message: `User attributes of run "abc" already exist in "${userDir}"`,
    });
  });
});

describe('logUserAttrs()', () => {
  test('sets, then deletes, building on earlier entries', async () => {
    await logUserAttrs(run, { label: 'a', epochs: 3n });
    await logUserAttrs(run, { note: 'x' }, ['epochs']);
    expect(await runUserAttrs(run)).toEqual({ label: 'a', note: 'x' });
    expect(await getAttrsByAuthor(userDir)).toEqual({ [osUser()]: { label: 'a', note: 'x' } });
  });

  test('nothing to set or delete logs nothing', async () => {
    expect(await logUserAttrs(run, {})).toBeUndefined();
    expect(await logUserAttrs(run, {}, [])).toBeUndefined();
    expect(await readdir(tmp)).not.toContain('abc.user');
  });

  test('deleting without a .user dir logs nothing; with one it logs', async () => {
    expect(await logUserAttrs(run, {}, ['label'])).toBeUndefined();
    expect(await readdir(tmp)).not.toContain('abc.user');
    await logUserAttrs(run, { label: 'x' });
    expect(await logUserAttrs(run, {}, ['label'])).toMatch(/\.json$/);
    expect(await readdir(userDir)).toHaveLength(2);
    expect(await runUserAttrs(run)).toEqual({});
  });
});

describe('runUserAttrs()', () => {
  test('a run deleted meanwhile gets no entry and no .user dir: RunGoneError', async () => {
    await rm(run.metaDir, { recursive: true });
    await expect(logUserAttrs(run, { label: 'x' })).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_GONE' });
    expect(await readdir(tmp)).toEqual(['abc']); // no abc.user, no abc.lock
  });

  test('takes the run lock for the write, and writes without it when another holder has it', async () => {
    const held = await lockRun(run); // e.g. the run is running
    await logUserAttrs(run, { label: 'while running' });
    expect(await runUserAttrs(run)).toEqual({ label: 'while running' });
    await held.release();
    await logUserAttrs(run, { label: 'after' });
    expect(await readdir(tmp)).toEqual(['abc', 'abc.meta', 'abc.user']); // the lock was released
  });

  test('a run without user attributes gives {}', async () => {
    expect(await runUserAttrs(run)).toEqual({});
  });
});

describe('concurrent writers', () => {
  // Child processes use the built package (run `pnpm build` first).
  const pkgDir = resolve(import.meta.dirname, '..', '..');
  const script = `
    import { runForMetaDirSync, logUserAttrs } from '@gage/meta';
    const [metaDir, worker, count] = process.argv.slice(1);
    const run = runForMetaDirSync(metaDir);
    for (let i = 0; i < Number(count); i++) {
      await logUserAttrs(run, { ['w' + worker + '-' + i]: BigInt(i), last: worker + ':' + i });
    }
  `;

  function runWorker(worker: number, count: number): Promise<void> {
    return new Promise((done, fail) => {
      const child = spawn('node', ['--input-type=module', '-e', script, run.metaDir, String(worker), String(count)], {
        cwd: pkgDir,
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done() : fail(new Error(`worker ${worker} exited ${code}: ${stderr}`))));
    });
  }

  test('labels racing a permanent delete of every run leave no .user dir without its run', async () => {
    const runsDir = join(tmp, 'race');
    const runs = await Promise.all(Array.from({ length: 40 }, (_, i) => makeFakeRun(runsDir, (0xa00 + i).toString(16))));
    const labeller = `
      import { listRuns, logUserAttrs } from '@gage/meta';
      const runs = await listRuns(process.argv[1]);
      console.log('ready');
      let set = 0, gone = 0;
      for (let round = 0; round < 3; round++) {
        for (const run of runs) {
          try { await logUserAttrs(run, { label: 'x' + round }); set++; }
          catch (err) { if (err.code !== 'ERR_GAGE_RUN_GONE') throw err; gone++; }
        }
      }
      console.log(JSON.stringify({ set, gone }));
    `;
    const ready: Promise<void>[] = [];
    const children = Array.from({ length: 3 }, () => new Promise<{ set: number; gone: number }>((done, fail) => {
      const child = spawn('node', ['--input-type=module', '-e', labeller, runsDir], { cwd: pkgDir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      ready.push(new Promise((listed) => child.stdout.on('data', (d) => ((out += d), out.includes('ready\n') && listed()))));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? done(JSON.parse(out.slice(out.indexOf('\n') + 1))) : fail(new Error(`labeller exited ${code}: ${err}`))));
    }));
    // Once every labeller listed the runs, delete them all permanently while they label: one run at a
    // time, again when a label holds its lock.
    await Promise.all(ready);
    for (const r of runs) {
      for (;;) {
        try {
          await deleteRuns([r], { permanent: true });
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== 'ERR_GAGE_RUN_LOCKED') throw err;
          await new Promise((res) => setTimeout(res, 5));
        }
      }
    }
    const results = await Promise.all(children);
    expect(results.reduce((n, r) => n + r.set + r.gone, 0)).toBe(3 * 3 * 40);
    expect(results.some((r) => r.gone > 0)).toBe(true); // the race did happen
    const left = await readdir(runsDir);
    expect(left.filter((n) => !n.endsWith('.lock'))).toEqual([]);
  });

  test('8 processes logging 25 entries each to the same run lose no entry', async () => {
    const workers = 8;
    const count = 25;
    await Promise.all(Array.from({ length: workers }, (_, w) => runWorker(w, count)));
    const names = await readdir(userDir);
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(workers * count);
    expect(names.every((n) => n.endsWith('.json'))).toBe(true); // no temp files left
    const attrs = await runUserAttrs(run);
    for (let w = 0; w < workers; w++) {
      for (let i = 0; i < count; i++) expect(attrs[`w${w}-${i}`]).toBe(BigInt(i));
    }
    expect(Object.keys(attrs)).toHaveLength(workers * count + 1);
    // Each process wrote its entries in order, so the replay ends on some worker's last entry.
    expect(attrs['last']).toMatch(new RegExp(`^\\d:${count - 1}$`));
  });
});
