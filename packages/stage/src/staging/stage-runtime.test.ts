import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, makeRun, readFilesLogSync, readMetaFileSync, runMetaPath, scanRunFiles } from '@gage/meta';
import { readRunOutput } from '@gage/proc';
import { OpCmd, OpDef, OpRef, type JsonObject, type Run } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import type { StagePhase } from './stage-options.js';
import { stageRuntime } from './stage-runtime.js';

afterAll(cleanupTestdirs);

async function initRun(data: JsonObject): Promise<Run> {
  const run = await makeRun(await testdir());
  initRunMetaSync(run, OpRef('test', 'op'), OpDef('op', data), {}, OpCmd(['node', 'op.js'], {}));
  return run;
}

async function runnerMessages(run: Run): Promise<string[]> {
  const lines = (await readFile(runMetaPath(run, 'log', 'runner'), 'utf8')).trimEnd().split('\n');
  return lines.map((l) => l.slice(l.indexOf(' ') + 1));
}

describe('stageRuntime()', () => {
  test('runs a shell-string hook with run_id, run_dir and project_dir and logs its files with type r', async () => {
    const projectDir = await testdir();
    const hook = `node -e "const e = process.env; require('fs').writeFileSync('env.txt', [e.run_id, e.run_dir, e.project_dir].join(' '))"`;
    const run = await initRun({ exec: { 'stage-runtime': hook } });
    const phases: StagePhase[] = [];
    await stageRuntime(run, projectDir, { onPhase: (p) => phases.push(p) });
    expect(phases).toEqual(['stage-runtime']);
    expect(await readFile(join(run.runDir, 'env.txt'), 'utf8')).toBe(`${run.id} ${run.runDir} ${projectDir}`);
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual(['a r env.txt']);
    expect((await runnerMessages(run)).slice(-4)).toEqual([
      `Starting stage-runtime (see output/20_runtime): ${hook}`,
      'Writing meta proc/lock',
      'Exit code for stage-runtime: 0',
      'Deleting meta proc/lock',
    ]);
    expect(await readRunOutput(run, { name: '20_runtime' })).toEqual([]);
  });

  test('without a hook only scans the run dir', async () => {
    const run = await initRun({ exec: 'node op.js' });
    await stageRuntime(run, await testdir());
    expect(readMetaFileSync(run, 'log/files')).toBe('');
    expect(readMetaFileSync(run, 'output/20_runtime')).toBeUndefined();
    expect((await runnerMessages(run)).at(-1)).toBe('Writing meta initialized');
  });

  test('logs files that existed before with their earlier type, new ones with r', async () => {
    const projectDir = await testdir();
    const run = await initRun({ exec: { 'stage-runtime': ['node', '-e', "require('fs').writeFileSync('new.txt', '')"] } });
    await mkdir(run.runDir, { recursive: true });
    await writeFile(join(run.runDir, 'src.py'), '');
    await scanRunFiles(run, 's');
    await stageRuntime(run, projectDir);
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual(['a s src.py', 'a r new.txt']);
  });

  test('throws RunExecError with the exit code of a failing hook and keeps its output', async () => {
    const run = await initRun({ exec: { 'stage-runtime': ['node', '-e', "console.log('half'); process.exit(3)"] } });
    await expect(stageRuntime(run, await testdir())).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_EXEC',
      phase: 'stage-runtime',
      exitCode: 3,
    });
    expect((await readRunOutput(run, { name: '20_runtime' })).map((l) => [l.stream, l.text])).toEqual([[0, 'half']]);
    expect((await stat(runMetaPath(run, 'output', '20_runtime'))).mode & 0o222).toBe(0);
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    expect(readMetaFileSync(run, 'log/files')).toBeUndefined();
  });
});
