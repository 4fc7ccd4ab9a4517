import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { listRuns, lockRun, readMetaFile, runMetaPath, runStatus } from '@gage/meta';
import {
  FIXTURES, fixtureCmd, makeStagedRun, removeTempDirs, runnerLog, steps, waitFor,
} from '../test/helpers.js';
import { execRun } from './exec-run.js';
import { finalizeRun } from './finalize-run.js';

afterEach(removeTempDirs);

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('execRun()', () => {
  test('writes started, holds proc/lock while running, and removes it at the end', async () => {
    const run = await makeStagedRun({}, fixtureCmd('check-lock.mjs'));
    const before = (await runnerLog(run)).length;
    const lines: string[] = [];
    const chunks: [number, string][] = [];
    const status = await execRun(run, {
      onOutput: (_s, line) => lines.push(Buffer.from(line).toString()),
      onOutputChunk: (s, pieces) => {
        chunks.push([s, Buffer.concat(pieces).toString()]);
      },
    });
    expect(status).toBe(0);
    expect(lines).toEqual(['lock=pid\n']);
    expect(chunks).toEqual([[0, 'lock=pid\n']]);
    expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('lock=pid\n');
    expect(await readMetaFile(run, 'started')).toMatch(/^\d{16}$/);
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
    expect((await runnerLog(run)).slice(before)).toEqual([
      'Writing meta started',
      `Starting run process: ${JSON.stringify(fixtureCmd('check-lock.mjs'))}`,
      'Writing meta proc/lock',
      'Exit code for run: 0',
      'Deleting meta proc/lock',
    ]);
    await (await lockRun(run)).release();
  });

  test('shows the run as running while it runs', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '300'));
    const done = execRun(run);
    await waitFor(() => exists(runMetaPath(run, 'proc', 'lock')));
    expect(await runStatus(run)).toBe('running');
    expect(await done).toBe(0);
    // Ended, not finalized, and nobody holds its lock: what a runner that gave up leaves (@gage/meta runStatus).
    expect(await runStatus(run)).toBe('terminated');
  });

  test('a run whose output cannot be saved (no space left) throws RunOutputError with the exit status; finalize still works', async () => {
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['out', 'hello\n'], ['exit', 3])));
    // /dev/full fails every write with ENOSPC, as a full disk does.
    await mkdir(runMetaPath(run, 'output'), { recursive: true });
    await symlink('/dev/full', runMetaPath(run, 'output', '40_run'));
    const err = await execRun(run).then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ERR_GAGE_RUN_OUTPUT',
      message: `Cannot save the output of run "${run.id}": no space left on device ("${runMetaPath(run, 'output', '40_run')}")`,
      hint: 'Free some space on that file system and try again.',
    });
    expect([3, 1]).toContain((err as { exitStatus: number }).exitStatus); // 1 when the process met the closed pipe first
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
    expect(await runStatus(run)).toBe('terminated'); // not staged: it ran and nobody finalizes it
    await finalizeRun(run, (err as { exitStatus: number }).exitStatus);
    expect(await runStatus(run)).toBe('error');
  });

  test('resolves with a non-zero exit code without throwing', async () => {
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['exit', 7])));
    expect(await execRun(run)).toBe(7);
    expect((await runnerLog(run)).at(-2)).toBe('Exit code for run: 7');
  });

  test('SIGINT through the AbortSignal stops the run; finalizeRun(run, -2) makes it terminated', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000'));
    const controller = new AbortController();
    const done = execRun(run, { signal: controller.signal });
    await waitFor(async () => (await readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '')) === 'started\n');
    controller.abort();
    const status = await done;
    expect(status).toBe(-2);
    expect((await runnerLog(run)).slice(-2)).toEqual(['Exit code for run: -2', 'Deleting meta proc/lock']);
    await finalizeRun(run, status);
    expect(await runStatus(run)).toBe('terminated');
    expect(await readMetaFile(run, 'proc/exit')).toBe('-2');
  });

  test('an abort reason naming a signal sends that signal', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000'));
    const controller = new AbortController();
    const done = execRun(run, { signal: controller.signal });
    await waitFor(() => exists(runMetaPath(run, 'proc', 'lock')));
    controller.abort('SIGTERM');
    expect(await done).toBe(-15);
  });

  test('a process that ignores the signal gets SIGKILL after the grace period', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000', '--ignore-signals'));
    const controller = new AbortController();
    const done = execRun(run, { signal: controller.signal, killGraceMs: 300 });
    await waitFor(async () => (await readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '')) === 'started\n');
    controller.abort();
    expect(await done).toBe(-9);
    expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('started\ngot SIGINT\n');
  });

  test('a runner killed with SIGKILL leaves its run terminated, not running', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000'));
    const runner = spawn('node', [join(FIXTURES, 'exec-runner.mjs'), run.metaDir], { stdio: 'ignore' });
    const runnerExit = new Promise((resolve) => runner.once('exit', resolve));
    let childPid: number | undefined;
    try {
      await waitFor(async () => (await readMetaFile(run, 'proc/lock').catch(() => undefined)) !== undefined);
      childPid = Number(await readMetaFile(run, 'proc/lock'));
      expect(await runStatus(run)).toBe('running');
      runner.kill('SIGKILL');
      await runnerExit;
      // The dead runner no longer refreshes its lock; age it past the 10 s stale limit.
      const old = new Date(Date.now() - 60_000);
      await utimes(`${run.runDir}.lock`, old, old);
      expect(await runStatus(run)).toBe('terminated');
      const runs = await listRuns(join(run.runDir, '..'));
      expect(runs.map((r) => r.id)).toEqual([run.id]);
      await finalizeRun(run, -9);
      expect(await runStatus(run)).toBe('terminated');
    } finally {
      runner.kill('SIGKILL');
      if (childPid) process.kill(childPid, 'SIGKILL');
    }
  });
});
