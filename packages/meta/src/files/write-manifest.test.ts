import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { startTurnTicker } from '../../test/turn-ticker.js';
import { fileSha256 } from './file-sha256.js';
import { initRunMetaSync } from '../run/init-run-meta-sync.js';
import { LOOP_YIELD_CALLS } from '../io/make-loop-yield.js';
import { makeRun } from '../run/make-run.js';
import { readManifestSync } from './read-manifest-sync.js';
import { scanRunFiles } from './scan-run-files.js';
import { writeManifest } from './write-manifest.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';

const SAY_PY = 'msg = "Hi there"\nprint(msg)\n';
const SAY_PY_SHA = '3f9c639e1d6b056c071b44752ea97c694127291443065afa2689bf78ef3b8fb0';
const SAY_PY_HO_SHA = '5731a9341311c35130d58b168042305320d140ed9c1b8f8f9f48133637cd2903';
const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

let tmp: string;
let run: Run;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
  initRunMetaSync(run, { ns: 't', name: 't' }, OpDef('t', {}), {}, OpCmd(['a']));
});
afterEach(async () => {
  await removeTree(tmp);
});

async function put(path: string, content = ''): Promise<void> {
  const full = join(run.runDir, ...path.split('/'));
  await mkdir(join(full, '..'), { recursive: true });
  await rm(full, { force: true });
  await writeFile(full, content);
}
const manifestText = () => readFile(join(run.metaDir, 'manifest'), 'utf8');
const runnerLines = async () => (await readFile(join(run.metaDir, 'log', 'runner'), 'utf8')).split('\n').slice(0, -1).map((l) => l.slice(25));

describe('fileSha256()', () => {
  test('digests the seed say.py, the empty file and a large file (streamed)', async () => {
    await writeFile(join(tmp, 'say.py'), SAY_PY);
    expect(await fileSha256(join(tmp, 'say.py'))).toBe(SAY_PY_SHA);
    await writeFile(join(tmp, 'empty'), '');
    expect(await fileSha256(join(tmp, 'empty'))).toBe(EMPTY_SHA);
    const big = Buffer.alloc(5 * 1024 * 1024 + 7, 'ab');
    await writeFile(join(tmp, 'big'), big);
    expect(await fileSha256(join(tmp, 'big'))).toBe(createHash('sha256').update(big).digest('hex'));
  });

  test('rejects with ENOENT for a missing file', async () => {
    await expect(fileSha256(join(tmp, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('writeManifest()', () => {
  test('writes the seed manifest line', async () => {
    await put('say.py', SAY_PY);
    await scanRunFiles(run, 's');
    expect(await writeManifest(run)).toEqual([{ type: 's', sha256: SAY_PY_SHA, path: 'say.py' }]);
    expect(await manifestText()).toBe(`s ${SAY_PY_SHA} say.py\n`);
    expect(readManifestSync(run)).toEqual([{ type: 's', sha256: SAY_PY_SHA, path: 'say.py' }]);
    expect((await stat(join(run.metaDir, 'manifest'))).mode & 0o200).toBe(0o200); // writable until finalize
  });

  test('replays the files log: insertion order by phase, m keeps the type, d removes', async () => {
    await put('z.py', 'z');
    await put('a.py', 'a');
    await put('gone.txt', 'g');
    await scanRunFiles(run, 's');
    await put('.venv/bin/activate', '');
    await scanRunFiles(run, 'r');
    await rm(join(run.runDir, 'gone.txt'));
    await put('z.py', 'changed');
    await put('dir with space/out put.txt', 'o');
    await scanRunFiles(run, 'g');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(await writeManifest(run)).toEqual([
      { type: 's', sha256: sha('a'), path: 'a.py' },
      { type: 's', sha256: sha('changed'), path: 'z.py' },
      { type: 'r', sha256: EMPTY_SHA, path: '.venv/bin/activate' },
      { type: 'g', sha256: sha('o'), path: 'dir with space/out put.txt' },
    ]);
    expect(await manifestText()).toBe(
      `s ${sha('a')} a.py\ns ${sha('changed')} z.py\nr ${EMPTY_SHA} .venv/bin/activate\ng ${sha('o')} dir with space/out put.txt\n`,
    );
  });

  test('digests a symlink by its target path, never reading the target', async () => {
    await put('real.py', SAY_PY);
    const target = join(run.runDir, 'real.py');
    await symlink(target, join(run.runDir, 'say.py'));
    // A link to a big file outside the run, replaced by a FIFO once scanned: reading it would fail or block.
    const outside = join(run.runDir, '..', 'data.bin');
    await writeFile(outside, 'big');
    await symlink(outside, join(run.runDir, 'data'));
    await scanRunFiles(run, 'g');
    await rm(outside);
    execFileSync('mkfifo', [outside]);
    const digest = (s: string) => createHash('sha256').update(s).digest('hex');
    const byPath = Object.fromEntries((await writeManifest(run)).map((e) => [e.path, e.sha256]));
    expect(byPath).toEqual({ 'real.py': SAY_PY_SHA, 'say.py': digest(target), data: digest(outside) });
  });

  test('with logModified, logs each previous path whose digest changed', async () => {
    await put('say.py', SAY_PY);
    await put('same.py', 'same');
    await put('removed.py', 'r');
    await scanRunFiles(run, 's');
    await writeManifest(run);
    await put('say.py', 'msg = "Ho there"\nprint(msg)\n');
    await rm(join(run.runDir, 'removed.py'));
    await put('new.txt', 'n');
    await scanRunFiles(run, 'g');
    const before = (await runnerLines()).length;
    await writeManifest(run, { logModified: true });
    expect((await runnerLines()).slice(before)).toEqual(['File "say.py" was modified during the run']);
    expect(await manifestText()).toContain(`s ${SAY_PY_HO_SHA} say.py\n`);
  });

  test('without logModified nothing is logged', async () => {
    await put('say.py', SAY_PY);
    await scanRunFiles(run, 's');
    await writeManifest(run);
    await put('say.py', 'x');
    await scanRunFiles(run, 'g');
    const before = await runnerLines();
    await writeManifest(run);
    expect(await runnerLines()).toEqual(before);
  });

  test('a file listed in the log but missing from the run dir is a clear error', async () => {
    await put('say.py', SAY_PY);
    await scanRunFiles(run, 's');
    await rm(join(run.runDir, 'say.py'));
    await expect(writeManifest(run)).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_META',
      message: 'Cannot read "log/files" in run "aaa": cannot digest "say.py" for the manifest (ENOENT)',
    });
  });
});

describe('writeManifest() on many files', () => {
  test('lets the event loop turn between digests (the run lock stays fresh)', async () => {
    const count = 3 * LOOP_YIELD_CALLS;
    await mkdir(run.runDir, { recursive: true });
    for (let i = 0; i < count; i++) writeFileSync(join(run.runDir, `f${String(i).padStart(5, '0')}`), 'v0');
    await scanRunFiles(run, 's');
    const first = join(run.runDir, 'f00000');
    const last = join(run.runDir, `f${String(count - 1).padStart(5, '0')}`);
    // Each turn gives the first and the last file a new content: equal digests = no turn in between.
    const stop = startTurnTicker((k) => {
      writeFileSync(first, `v${k}`);
      writeFileSync(last, `v${k}`);
    });
    let entries;
    try {
      entries = await writeManifest(run);
    } finally {
      stop();
    }
    expect(entries[0]?.sha256).not.toBe(entries[count - 1]?.sha256);
  });
});

describe('readManifestSync()', () => {
  test('undefined without a manifest; a malformed line names file and line', async () => {
    expect(readManifestSync(run)).toBeUndefined();
    writeMetaFileSync(run, 'manifest', `s ${EMPTY_SHA} a b\ns nothex x\n`, { writable: true });
    expect(() => readManifestSync(run)).toThrow(expect.objectContaining({
      code: 'ERR_GAGE_META_ENCODING',
      message: `bad encoding in "${join(run.metaDir, 'manifest')}", line 2: s nothex x`,
    }));
    writeMetaFileSync(run, 'manifest', `g ${EMPTY_SHA} a b`, { writable: true });
    expect(readManifestSync(run)).toEqual([{ type: 'g', sha256: EMPTY_SHA, path: 'a b' }]);
  });
});
