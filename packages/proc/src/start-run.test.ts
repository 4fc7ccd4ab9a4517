import { afterEach, describe, expect, test } from '@jest/globals';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockRun, runMetaDir, runMetaPath, runStatus } from '@gage/meta';
import { cleanupTestdirs, listFiles, testdir } from '@gage/test-utils';
import { decodeIndex, FIXTURES, fixtureCmd, makeStagedRun, runnerLog, steps } from '../test/helpers.js';
import { openRunOutput } from './open-run-output.js';
import { startRun } from './start-run.js';

afterEach(cleanupTestdirs);

const SAY = 'const msg = "Hi there";\nconsole.log(msg);\n';

async function runToEnd(run: Parameters<typeof startRun>[0], options: Parameters<typeof startRun>[1] = {}) {
  const p = await startRun(run, options);
  const output = openRunOutput(run, p);
  const status = await p.wait();
  await output.waitAndClose();
  return { status, output: await readFile(runMetaPath(run, 'output', '40_run'), 'utf8') };
}

describe('startRun()', () => {
  test('the seed scenario: output captured, no started and no proc/lock in the meta dir', async () => {
    const run = await makeStagedRun({ 'say.mjs': SAY }, ['node', 'say.mjs']);
    expect(await listFiles(run.runDir)).toEqual(['say.mjs']);
    const p = await startRun(run);
    const output = openRunOutput(run, p);
    expect(await p.wait()).toBe(0);
    await output.waitAndClose();
    expect(await listFiles(runMetaDir(run))).toEqual([
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
    ]);
    expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('Hi there\n');
    const index = await readFile(runMetaPath(run, 'output', '40_run.index'));
    expect(index.length).toBe(9);
    expect(index[8]).toBe(0);
    expect(await runStatus(run)).toBe('staged');
    expect((await runnerLog(run)).at(-1)).toBe('Starting run process: ["node","say.mjs"]');
  });

  test('logs a string command as it is and runs it through the shell', async () => {
    const run = await makeStagedRun({}, 'echo "$RUN_ID" && echo two >&2');
    const { status, output } = await runToEnd(run);
    expect(status).toBe(0);
    expect(output).toBe(`${run.id}\ntwo\n`);
    expect(decodeIndex(await readFile(runMetaPath(run, 'output', '40_run.index'))).map(([, s]) => s)).toEqual([0, 1]);
    expect((await runnerLog(run)).at(-1)).toBe(`Starting run process: echo "$RUN_ID" && echo two >&2`);
  });

  test('runs a #! command with its interpreter and -c', async () => {
    const run = await makeStagedRun({}, '#!sh\necho a\necho b');
    expect((await runToEnd(run)).output).toBe('a\nb\n');
  });

  test('splits a #! line at whitespace, so #!/usr/bin/env works', async () => {
    const run = await makeStagedRun({}, '#!/usr/bin/env sh\necho "$0"');
    expect((await runToEnd(run)).output).toBe('sh\n');
  });

  test('a #! interpreter that does not exist is a spawn error', async () => {
    const run = await makeStagedRun({}, '#!no-such-interpreter-xyz\nx');
    await expect(startRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_SPAWN', program: 'no-such-interpreter-xyz' });
  });

  test('runs in the run dir with the Gage run variables, proc/env winning', async () => {
    const parentPwd = await testdir();
    const run = await makeStagedRun({}, fixtureCmd('show-env.mjs', 'RUN_ID', 'RUN_DIR', 'PARENT_PWD', 'PYTHONDONTWRITEBYTECODE', 'EXTRA', 'PATH_SET'), {
      env: { EXTRA: 'from proc/env', RUN_ID: 'overridden' },
    });
    const { output } = await runToEnd(run, { parentPwd, env: { PATH_SET: String(Boolean(process.env.PATH)) } });
    expect(JSON.parse(output)).toEqual({
      cwd: run.runDir,
      env: {
        RUN_ID: 'overridden',
        RUN_DIR: run.runDir,
        PARENT_PWD: parentPwd,
        PYTHONDONTWRITEBYTECODE: '1',
        EXTRA: 'from proc/env',
        PATH_SET: 'true',
      },
    });
  });

  test('a secret recorded as <redacted> is never passed on: the run gets the value from its parent (decision 18)', async () => {
    const run = await makeStagedRun({}, fixtureCmd('show-env.mjs', 'GAGE_TEST_TOKEN', 'OTHER_KEY'), { env: { GAGE_TEST_TOKEN: 'sk-123', OTHER_KEY: 'k' } });
    expect(await readFile(runMetaPath(run, 'proc', 'env'), 'utf8')).not.toContain('sk-123');
    process.env['GAGE_TEST_TOKEN'] = 'from-parent';
    try {
      const { output } = await runToEnd(run, { env: { OTHER_KEY: 'given at start' } });
      expect(JSON.parse(output).env).toEqual({ GAGE_TEST_TOKEN: 'from-parent', OTHER_KEY: 'given at start' });
    } finally {
      delete process.env['GAGE_TEST_TOKEN'];
    }
  });

  test('wait() resolves with the exit code, or -signum for a signal', async () => {
    for (const [list, expected] of [
      [steps(['exit', 3]), 3],
      [steps(['kill', 'SIGTERM']), -15],
      [steps(['kill', 'SIGKILL']), -9],
      [steps(['kill', 'SIGINT']), -2],
    ] as const) {
      const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...list));
      expect((await runToEnd(run)).status).toBe(expected);
    }
  });

  test('a program that does not exist gives ERR_GAGE_SPAWN naming it, and releases the lock', async () => {
    const run = await makeStagedRun({}, ['no-such-program-gage', 'x']);
    await expect(startRun(run)).rejects.toMatchObject({
      code: 'ERR_GAGE_SPAWN',
      program: 'no-such-program-gage',
      message: `Cannot start "no-such-program-gage" in "${run.runDir}": program not found`,
    });
    await (await lockRun(run)).release();
  });

  test('holds the run lock while the process lives and releases it before wait() resolves', async () => {
    // The process lives until the test has tried the lock (or 60 s), not for a time a busy machine may use up.
    const tried = join(await testdir(), 'tried');
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['await', [tried, 1]])));
    const p = await startRun(run);
    const output = openRunOutput(run, p);
    await expect(lockRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
    await writeFile(tried, 'y');
    expect(await p.wait()).toBe(0);
    await output.waitAndClose();
    await (await lockRun(run)).release();
  });

  test('uses a lock it is given and leaves it held', async () => {
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['out', 'x\n'])));
    const lock = await lockRun(run);
    try {
      expect((await runToEnd(run, { lock })).status).toBe(0);
      expect(lock.held).toBe(true);
      await expect(lockRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
    } finally {
      await lock.release();
    }
  });

  test('refuses a run whose run dir does not exist', async () => {
    const run = await makeStagedRun({}, ['node', join(FIXTURES, 'emit.mjs')]);
    await rm(run.runDir, { recursive: true, force: true });
    await expect(startRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_SPAWN', hint: 'Stage the run before starting it.' });
  });
});
