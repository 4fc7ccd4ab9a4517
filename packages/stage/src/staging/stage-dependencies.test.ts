import { afterAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, makeRun, readFilesLogSync, readMetaFileSync } from '@gage/meta';
import { readRunOutput } from '@gage/proc';
import { OpCmd, OpDef, OpRef, type JsonObject, type Run } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import type { StagePhase } from './stage-options.js';
import { stageDependencies } from './stage-dependencies.js';

afterAll(cleanupTestdirs);

async function initRun(data: JsonObject): Promise<Run> {
  const run = await makeRun(await testdir());
  initRunMetaSync(run, OpRef('test', 'op'), OpDef('op', data), {}, OpCmd(['node', 'op.js'], {}));
  return run;
}

describe('stageDependencies()', () => {
  test('runs the hook and logs what it made with type d', async () => {
    const projectDir = await testdir({ 'data.csv': 'a,b\n1,2\n' });
    const script = "const fs = require('fs'); const p = require('path');" +
      "fs.mkdirSync('data'); fs.copyFileSync(p.join(process.env.project_dir, 'data.csv'), 'data/data.csv');" +
      "console.error('copied');";
    const run = await initRun({ exec: { 'stage-dependencies': ['node', '-e', script] } });
    const phases: StagePhase[] = [];
    const lines: [number, string][] = [];
    await stageDependencies(run, projectDir, {
      onPhase: (p) => phases.push(p),
      onOutput: (s, l) => lines.push([s, Buffer.from(l).toString('utf8').trimEnd()]),
    });
    expect(phases).toEqual(['stage-dependencies']);
    expect(await readFile(join(run.runDir, 'data', 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual(['a d data/data.csv']);
    expect((await readRunOutput(run, { name: '30_dependencies' })).map((l) => [l.stream, l.text])).toEqual([[1, 'copied']]);
    expect(lines).toEqual([[1, 'copied']]);
  });

  test('refuses runs-summary dependencies without running the hook', async () => {
    const run = await initRun({
      depends: [{ type: 'runs-summary', 'runs-select': 'train' }],
      exec: { 'stage-dependencies': ['node', '-e', "require('fs').writeFileSync('ran', '')"] },
    });
    await expect(stageDependencies(run, await testdir())).rejects.toMatchObject({
      code: 'ERR_GAGE_DEPENDS_NOT_SUPPORTED',
      message: 'Cannot stage operation op: runs-summary dependencies are not supported yet',
    });
    expect(readMetaFileSync(run, 'output/30_dependencies')).toBeUndefined();
    expect(readMetaFileSync(run, 'log/files')).toBeUndefined();
  });

  test('reports a hook killed by a signal with a negative exit code', async () => {
    const run = await initRun({ exec: { 'stage-dependencies': ['node', '-e', "process.kill(process.pid, 'SIGTERM')"] } });
    await expect(stageDependencies(run, await testdir())).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_EXEC',
      phase: 'stage-dependencies',
      exitCode: -15,
    });
  });
});
