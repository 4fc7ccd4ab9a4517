// The founding scenario (shared/seed/000_a4a92a0110958c2e.txt), translated
// line for line: names in camelCase, `await` where the call is asynchronous.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { OpCmd, OpDef, OpRef } from '@gage/types';
import { initRunMetaSync, makeRun, runMetaDir, runMetaPath, runStatus } from '@gage/meta';
import { openRunOutput, startRun } from '@gage/proc';
import { stageRun } from '@gage/stage';
import { cat, cd, ls, makeTempDir, removeTempDirs, write } from './_doctest.js';

const startDir = process.cwd();
afterAll(async () => {
  process.chdir(startDir);
  await removeTempDirs();
});

describe('seed: starting a staged run', () => {
  let opdef: OpDef;
  let runsHome: string;
  let projectDir: string;

  beforeAll(async () => {
    // Create a sample project.
    cd(await makeTempDir());
    projectDir = process.cwd();
    // Use a simple Python script to print a message.
    await write('say.py', 'msg = "Hi there"\nprint(msg)\n');
    // Create an opdef that runs the script.
    opdef = OpDef('test', {
      exec: 'python say.py',
      config: 'say.py',
    });
    // Initialize a new run.
    runsHome = await makeTempDir();
  });

  test('basic run', async () => {
    cd(projectDir);
    const run = await makeRun(runsHome);
    initRunMetaSync(run, OpRef('test', 'test'), opdef, {}, OpCmd(['python', 'say.py'], {}));

    // Stage a run.
    await stageRun(run, '.');
    expect(await ls(run.runDir)).toBe('say.py');

    // Start the run.
    const p = await startRun(run);
    // Open run output.
    const output = await openRunOutput(run, p);
    // Wait for the run process to exit.
    expect(await p.wait()).toBe(0);
    // Wait for output to finish.
    await output.waitAndClose();

    // List meta dir contents.
    expect(await ls(runMetaDir(run))).toBe(
      [
        '__schema__',
        'config.json',
        'id',
        'initialized',
        'log/files',
        'log/patched',
        'log/runner',
        'manifest',
        'opdef.json',
        'opref',
        'output/40_run',
        'output/40_run.index',
        'proc/cmd',
        'proc/env',
        'staged',
      ].join('\n'),
    );

    // Show run output.
    expect(await cat(runMetaPath(run, 'output', '40_run'))).toBe('Hi there\n');

    // Exact contents at that point (docs/spec/lifecycle.md 19).
    const meta = (name: string) => readFile(runMetaPath(run, name), 'utf8');
    expect(await meta('__schema__')).toBe('1');
    expect(await meta('id')).toBe(run.id);
    expect(await meta('opref')).toBe('2 test test');
    expect(await meta('config.json')).toBe('{}');
    expect(await meta('proc/env')).toBe('{}');
    expect(await meta('proc/cmd')).toBe('[\n  "python",\n  "say.py"\n]');
    expect(await meta('opdef.json')).toBe('{\n  "config": "say.py",\n  "exec": "python say.py"\n}');
    expect(await meta('log/patched')).toBe('');
    expect(await meta('log/files')).toMatch(/^a s \d{16} say\.py\n$/);
    expect(await meta('manifest')).toBe('s 3f9c639e1d6b056c071b44752ea97c694127291443065afa2689bf78ef3b8fb0 say.py\n');
    const index = await readFile(runMetaPath(run, 'output', '40_run.index'));
    expect(index.length).toBe(9);
    expect(index[8]).toBe(0);
    expect(await runStatus(run)).toBe('staged');
  });

  test('run with config', async () => {
    cd(projectDir);
    // Start another run with different config.
    const run = await makeRun(runsHome);
    initRunMetaSync(run, OpRef('test', 'test'), opdef, { msg: 'Ho there' }, OpCmd(['python', 'say.py'], {}));
    await stageRun(run, '.');

    // Start the run with output.
    const p = await startRun(run);
    const output = await openRunOutput(run, p);
    expect(await p.wait()).toBe(0);
    await output.waitAndClose();

    // Show run output.
    expect(await cat(runMetaPath(run, 'output', '40_run'))).toBe('Ho there\n');

    expect(await readFile(runMetaPath(run, 'log/patched'), 'utf8')).toBe(
      '--- say.py\n+++ say.py\n@@ -1,2 +1,2 @@\n-msg = "Hi there"\n+msg = "Ho there"\n print(msg)\n',
    );
    expect(await readFile(runMetaPath(run, 'manifest'), 'utf8')).toBe(
      's 5731a9341311c35130d58b168042305320d140ed9c1b8f8f9f48133637cd2903 say.py\n',
    );
    // The project's own say.py is unchanged.
    expect(await cat('say.py')).toBe('msg = "Hi there"\nprint(msg)\n');
  });
});
