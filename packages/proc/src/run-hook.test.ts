import { afterEach, describe, expect, test } from '@jest/globals';
import { readFile, rm, stat } from 'node:fs/promises';
import { runMetaPath } from '@gage/meta';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { decodeIndex, fixtureCmd, makeStagedRun, runnerLog, steps } from '../test/helpers.js';
import { runHook } from './run-hook.js';

afterEach(cleanupTestdirs);

async function outputOf(run: Parameters<typeof runHook>[0], name: string) {
  const output = await readFile(runMetaPath(run, 'output', name), 'utf8');
  const index = await readFile(runMetaPath(run, 'output', `${name}.index`));
  return { output, streams: decodeIndex(index).map(([, s]) => s) };
}

async function mode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

describe('runHook()', () => {
  test('captures stdout with stream code 0 and stderr with 1, then makes both files read-only', async () => {
    const run = await makeStagedRun({}, ['true']);
    const before = (await runnerLog(run)).length;
    // Each write waits until the one before it is in the output: only then is the arrival order the writing order.
    const cmd = fixtureCmd('emit.mjs', ...steps(
      ['out', 'one\n'],
      ['await', ['output/20_runtime', 4]],
      ['err', 'two\n'],
      ['await', ['output/20_runtime', 8]],
      ['out', 'three'],
    ));
    await runHook(run, 'stage-runtime', cmd);
    expect(await outputOf(run, '20_runtime')).toEqual({ output: 'one\ntwo\nthree', streams: [0, 1, 0] });
    expect(await mode(runMetaPath(run, 'output', '20_runtime')) & 0o222).toBe(0);
    expect(await mode(runMetaPath(run, 'output', '20_runtime.index')) & 0o222).toBe(0);
    expect((await runnerLog(run)).slice(before)).toEqual([
      `Starting stage-runtime (see output/20_runtime): ${JSON.stringify(cmd)}`,
      'Writing meta proc/lock',
      'Exit code for stage-runtime: 0',
      'Deleting meta proc/lock',
    ]);
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
  });

  test('uses the output name of each phase', async () => {
    const run = await makeStagedRun({}, ['true']);
    const names = { 'stage-sourcecode': '10_sourcecode', 'stage-dependencies': '30_dependencies', finalize: '50_finalize' };
    for (const [phase, name] of Object.entries(names)) {
      await runHook(run, phase as keyof typeof names, fixtureCmd('emit.mjs', ...steps(['out', `${phase}\n`])));
      expect((await outputOf(run, name)).output).toBe(`${phase}\n`);
    }
  });

  test('holds proc/lock with the hook pid while it runs', async () => {
    const run = await makeStagedRun({}, ['true']);
    await runHook(run, 'stage-dependencies', fixtureCmd('check-lock.mjs'));
    expect((await outputOf(run, '30_dependencies')).output).toBe('lock=pid\n');
  });

  test('sets run_id and run_dir, and project_dir for staging hooks only', async () => {
    const run = await makeStagedRun({}, ['true']);
    const projectDir = await testdir();
    const cmd = fixtureCmd('show-env.mjs', 'run_id', 'run_dir', 'project_dir');
    await runHook(run, 'stage-sourcecode', cmd, { projectDir });
    expect(JSON.parse((await outputOf(run, '10_sourcecode')).output)).toEqual({
      cwd: run.runDir,
      env: { run_id: run.id, run_dir: run.runDir, project_dir: projectDir },
    });
    await runHook(run, 'finalize', cmd, { projectDir });
    expect(JSON.parse((await outputOf(run, '50_finalize')).output).env.project_dir).toBeNull();
  });

  test('runs a shell string hook and passes each line to onOutput', async () => {
    const run = await makeStagedRun({}, ['true']);
    const lines: [number, string][] = [];
    await runHook(run, 'stage-runtime', 'echo "$run_id"; echo err >&2', {
      onOutput: (stream, bytes) => lines.push([stream, Buffer.from(bytes).toString()]),
    });
    expect(lines.filter(([s]) => s === 0)).toEqual([[0, `${run.id}\n`]]);
    expect(lines.filter(([s]) => s === 1)).toEqual([[1, 'err\n']]);
  });

  test('passes the output to onOutputChunk, each stream apart', async () => {
    const run = await makeStagedRun({}, ['true']);
    const chunks: [number, string][] = [];
    await runHook(run, 'finalize', 'echo one; echo two; echo err >&2', {
      onOutputChunk: (stream, pieces) => {
        chunks.push([stream, Buffer.concat(pieces).toString()]);
      },
    });
    expect(chunks.filter(([s]) => s === 0).map(([, t]) => t).join('')).toBe('one\ntwo\n');
    expect(chunks.filter(([s]) => s === 1)).toEqual([[1, 'err\n']]);
  });

  test('throws RunExecError for a non-zero exit and still deletes proc/lock', async () => {
    const run = await makeStagedRun({}, ['true']);
    const cmd = fixtureCmd('emit.mjs', ...steps(['err', 'failing\n'], ['exit', 3]));
    await expect(runHook(run, 'stage-dependencies', cmd)).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_EXEC',
      phase: 'stage-dependencies',
      args: cmd,
      exitCode: 3,
    });
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
    expect(await outputOf(run, '30_dependencies')).toEqual({ output: 'failing\n', streams: [1] });
    expect((await runnerLog(run)).slice(-2)).toEqual(['Exit code for stage-dependencies: 3', 'Deleting meta proc/lock']);
  });

  test('gives exitCode -signum when a signal killed the hook', async () => {
    const run = await makeStagedRun({}, ['true']);
    await expect(runHook(run, 'finalize', fixtureCmd('emit.mjs', ...steps(['kill', 'SIGTERM']))))
      .rejects.toMatchObject({ code: 'ERR_GAGE_RUN_EXEC', phase: 'finalize', exitCode: -15 });
  });

  test.each([
    ['SIGTERM', [], -15],
    ['SIGINT', [], -2],
    ['SIGTERM', ['--ignore-signals'], -9],
  ] as const)('an abort with %s %j stops the hook, fails with its exit status and deletes proc/lock', async (sig, extra, exitCode) => {
    const run = await makeStagedRun({}, ['true']);
    const controller = new AbortController();
    const hook = runHook(run, 'stage-runtime', fixtureCmd('sleep.mjs', '60000', ...extra), {
      signal: controller.signal,
      killGraceMs: 200,
      onOutput: (_stream, bytes) => {
        if (Buffer.from(bytes).toString() === 'started\n') controller.abort(sig);
      },
    });
    await expect(hook).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_EXEC', phase: 'stage-runtime', exitCode });
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
    expect((await outputOf(run, '20_runtime')).output).not.toContain('done');
  });

  test('throws ERR_GAGE_SPAWN for a missing program and writes no proc/lock', async () => {
    const run = await makeStagedRun({}, ['true']);
    await expect(runHook(run, 'stage-runtime', ['no-such-program-gage']))
      .rejects.toMatchObject({ code: 'ERR_GAGE_SPAWN', program: 'no-such-program-gage' });
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
  });

  test('makes the run dir when it is missing', async () => {
    const run = await makeStagedRun({}, ['true']);
    await rm(run.runDir, { recursive: true, force: true });
    await runHook(run, 'stage-sourcecode', fixtureCmd('emit.mjs', ...steps(['out', 'ok\n'])));
    expect((await stat(run.runDir)).isDirectory()).toBe(true);
  });
});
