import { afterAll, describe, expect, test } from '@jest/globals';
import { statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, LOOP_YIELD_CALLS, makeRun, readMetaFileSync, runMetaPath, runStatus, scanRunFiles } from '@gage/meta';
import { OpCmd, OpDef, OpRef, type Run } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { startTurnTicker } from '../../test/_turn-ticker.js';
import { finalizeStagedRun } from './finalize-staged-run.js';
import type { StagePhase } from './stage-options.js';

afterAll(cleanupTestdirs);

async function initRun(): Promise<Run> {
  const run = await makeRun(await testdir());
  initRunMetaSync(run, OpRef('test', 'op'), OpDef('op', {}), {}, OpCmd(['node', 'op.js'], {}));
  return run;
}

describe('finalizeStagedRun()', () => {
  test('writes the manifest in files-log order, makes its files read-only and writes staged', async () => {
    const run = await initRun();
    await mkdir(join(run.runDir, 'lib'), { recursive: true });
    await writeFile(join(run.runDir, 'z.py'), 'z = 1\n');
    await writeFile(join(run.runDir, 'lib', 'a.py'), '');
    await chmod(join(run.runDir, 'lib', 'a.py'), 0o755);
    await scanRunFiles(run, 's');
    await writeFile(join(run.runDir, 'env.txt'), 'env\n');
    await scanRunFiles(run, 'r');
    await writeFile(join(run.runDir, 'unlogged.txt'), 'not in the files log\n');
    const phases: StagePhase[] = [];
    await finalizeStagedRun(run, { onPhase: (p) => phases.push(p) });
    expect(phases).toEqual(['stage-finalize']);
    const e3b0 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(readMetaFileSync(run, 'manifest')).toBe(
      `s ${e3b0} lib/a.py\n` +
        's 1bc01ef3687ccfe07da22018dfe7851781c442c8b4ec7bd718d0c1f145529ad1 z.py\n' +
        'r 367c9b4686a777259cfcbff592b674e7c523655a2eb413cf37e8125a72bb5cad env.txt\n',
    );
    expect((await stat(join(run.runDir, 'lib', 'a.py'))).mode & 0o777).toBe(0o555);
    expect((await stat(join(run.runDir, 'z.py'))).mode & 0o222).toBe(0);
    expect((await stat(join(run.runDir, 'env.txt'))).mode & 0o222).toBe(0);
    expect((await stat(join(run.runDir, 'unlogged.txt'))).mode & 0o200).toBe(0o200);
    expect(readMetaFileSync(run, 'staged')).toMatch(/^\d{16}$/);
    expect(await runStatus(run)).toBe('staged');
    const log = (await readFile(runMetaPath(run, 'log', 'runner'), 'utf8')).trimEnd().split('\n');
    expect(log.slice(-2).map((l) => l.slice(l.indexOf(' ') + 1))).toEqual([
      'Finalizing staged files (see manifest)',
      'Writing meta staged',
    ]);
  });

  test('creates a missing run dir and writes an empty manifest', async () => {
    const run = await initRun();
    await finalizeStagedRun(run);
    expect((await stat(run.runDir)).isDirectory()).toBe(true);
    expect(readMetaFileSync(run, 'manifest')).toBe('');
    expect(await runStatus(run)).toBe('staged');
  });

  test('lets the event loop turn while it makes many files read-only (the run lock stays fresh)', async () => {
    const run = await initRun();
    const count = 3 * LOOP_YIELD_CALLS;
    await mkdir(run.runDir, { recursive: true });
    const paths = Array.from({ length: count }, (_, i) => join(run.runDir, `f${String(i).padStart(5, '0')}`));
    for (const path of paths) writeFileSync(path, '');
    await scanRunFiles(run, 's');
    const writable = (path: string) => (statSync(path).mode & 0o200) !== 0;
    let midway = false;
    const stop = startTurnTicker(() => {
      if (!writable(paths[0] as string) && writable(paths[count - 1] as string)) midway = true;
    });
    try {
      await finalizeStagedRun(run);
    } finally {
      stop();
    }
    expect(midway).toBe(true);
    expect(writable(paths[count - 1] as string)).toBe(false);
  });
});
