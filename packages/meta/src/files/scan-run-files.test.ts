import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { startTurnTicker } from '../../test/turn-ticker.js';
import { initRunMetaSync } from '../run/init-run-meta-sync.js';
import { LOOP_YIELD_CALLS } from '../io/make-loop-yield.js';
import { makeRun } from '../run/make-run.js';
import { setMetaLogger } from '../meta-logger.js';
import { readFilesLogSync } from './read-files-log-sync.js';
import { scanRunFiles } from './scan-run-files.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';

let tmp: string;
let run: Run;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
  initRunMetaSync(run, { ns: 't', name: 't' }, OpDef('t', {}), {}, OpCmd(['a']));
});
afterEach(async () => {
  setMetaLogger(undefined);
  await removeTree(tmp);
});

async function put(path: string, content = '', mtimeSec?: number): Promise<void> {
  const full = join(run.runDir, ...path.split('/'));
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, content);
  if (mtimeSec !== undefined) await utimes(full, mtimeSec, mtimeSec);
}
const filesLog = () => readFile(join(run.metaDir, 'log', 'files'), 'utf8');
const mtimeUs = async (path: string) => Number((await stat(join(run.runDir, ...path.split('/')), { bigint: true })).mtimeNs / 1000n);

describe('scanRunFiles()', () => {
  test('logs added files sorted by path, dotfiles and spaces included, with integer µs mtimes', async () => {
    await put('train.py', 'x', 1718000000.123456);
    await put('conf/eval.yaml', 'y', 1718000000.5);
    await put('.env', '');
    await put('my data/a b.txt', 'z');
    const events = await scanRunFiles(run, 's');
    expect(events.map((e) => e.path)).toEqual(['.env', 'conf/eval.yaml', 'my data/a b.txt', 'train.py']);
    const text = await filesLog();
    expect(text).toBe(
      `a s ${await mtimeUs('.env')} .env\n` +
        'a s 1718000000500000 conf/eval.yaml\n' +
        `a s ${await mtimeUs('my data/a b.txt')} my data/a b.txt\n` +
        `a s ${await mtimeUs('train.py')} train.py\n`,
    );
    expect(await mtimeUs('train.py')).toBe(1718000000123456);
    expect(readFilesLogSync(run)).toEqual(events);
  });

  test('appends modifications and deletions in later phases, each deletion once', async () => {
    await put('a.txt', '1', 1000);
    await put('b.txt', '1', 1000);
    await scanRunFiles(run, 's');
    const first = await filesLog();
    await put('a.txt', '2', 2000);
    await rm(join(run.runDir, 'b.txt'));
    await put('.venv/bin/activate', '', 3000);
    expect(await scanRunFiles(run, 'r')).toEqual([
      { event: 'a', type: 'r', mtime: 3_000_000_000, path: '.venv/bin/activate' },
      { event: 'm', type: 'r', mtime: 2_000_000_000, path: 'a.txt' },
      { event: 'd', type: 'r', mtime: undefined, path: 'b.txt' },
    ]);
    expect(await scanRunFiles(run, 'd')).toEqual([]);
    await put('b.txt', 'back', 4000);
    expect(await scanRunFiles(run, 'g')).toEqual([{ event: 'a', type: 'g', mtime: 4_000_000_000, path: 'b.txt' }]);
    expect(await filesLog()).toBe(
      first +
        'a r 3000000000 .venv/bin/activate\nm r 2000000000 a.txt\nd r - b.txt\n' +
        'a g 4000000000 b.txt\n',
    );
  });

  test('follows symlinks to files, never into symlinked dirs, and skips broken links', async () => {
    await put('real/file.txt', 'x', 1000);
    await symlink(join(run.runDir, 'real', 'file.txt'), join(run.runDir, 'link.txt'));
    await symlink(join(run.runDir, 'real'), join(run.runDir, 'linkdir'));
    await symlink(join(run.runDir, 'missing'), join(run.runDir, 'broken'));
    const events = await scanRunFiles(run, 's');
    expect(events.map((e) => [e.path, e.mtime])).toEqual([['link.txt', 1_000_000_000], ['real/file.txt', 1_000_000_000]]);
  });

  test('creates an empty log when there is nothing to log (no run dir at all)', async () => {
    expect(await scanRunFiles(run, 's')).toEqual([]);
    expect(await filesLog()).toBe('');
  });

  test('ignores a file whose name holds a line break, with a warning', async () => {
    const warnings: string[] = [];
    setMetaLogger((m) => warnings.push(m));
    await put('ok.txt');
    await put('bad\nname');
    expect((await scanRunFiles(run, 's')).map((e) => e.path)).toEqual(['ok.txt']);
    expect(warnings).toEqual([`Ignoring "bad?name" in "${run.runDir}": line break in the file name`]);
    // Staging scans a run dir up to four times: the warning is given once.
    await scanRunFiles(run, 'r');
    expect(warnings).toHaveLength(1);
  });

  test('checks __schema__ first', async () => {
    const other = await makeRun(join(tmp, 'runs'), { id: 'bbb' });
    writeMetaFileSync(other, '__schema__', '2\n');
    await expect(scanRunFiles(other, 's')).rejects.toMatchObject({
      code: 'ERR_GAGE_META_SCHEMA',
      message: "unsupported meta schema: '2'",
    });
    const bare = await makeRun(join(tmp, 'runs'), { id: 'ccc' });
    expect(() => readFilesLogSync(bare)).toThrow('Cannot read "__schema__" in run "ccc": file is missing');
  });

  test('a malformed line fails with its file and line number', async () => {
    const path = join(run.metaDir, 'log', 'files');
    for (const bad of ['x s 1 a', 'a q 1 a', 'a s - a', 'd s 12 a', 'a s 1', 'a s 1.5 a', '']) {
      writeMetaFileSync(run, 'log/files', `a s 1 ok\n${bad}\n`, { writable: true });
      await expect(scanRunFiles(run, 's')).rejects.toMatchObject({
        code: 'ERR_GAGE_META_ENCODING',
        message: `bad encoding in "${path}", line 2: ${bad}`,
      });
    }
  });

  test('lets the event loop turn while it stats many files (the run lock stays fresh)', async () => {
    const count = 3 * LOOP_YIELD_CALLS;
    await mkdir(run.runDir, { recursive: true });
    const paths = Array.from({ length: count }, (_, i) => join(run.runDir, `f${String(i).padStart(5, '0')}`));
    for (const path of paths) writeFileSync(path, '');
    const touchAll = (sec: number) => {
      for (const path of paths) utimesSync(path, sec, sec);
    };
    touchAll(1000);
    // Each turn gives every file a new mtime (files are stat-ed in directory order): one mtime = no turn midway.
    const stop = startTurnTicker((k) => touchAll(1000 + k));
    let events;
    try {
      events = await scanRunFiles(run, 's');
    } finally {
      stop();
    }
    expect(events).toHaveLength(count);
    expect(new Set(events.map((e) => e.mtime)).size).toBeGreaterThan(1);
  });
});
