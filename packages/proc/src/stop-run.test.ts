import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { readMetaFileSync, runLockState, runMetaPath, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { cleanupTestdirs, waitFor } from '@gage/test-utils';
import { FIXTURES, fixtureCmd, makeStagedRun } from '../test/helpers.js';
import { execRun } from './exec-run.js';
import { finalizeRun } from './finalize-run.js';
import { stopRun } from './stop-run.js';

afterEach(cleanupTestdirs);

const exists = (path: string) => stat(path).then(() => true, () => false);
const output = (run: Run) => readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '');

/** A runner in another process (`exec-runner.mjs --finalize`): executes and finalizes the run as `gage run` does. */
function startRunner(run: Run) {
  const child = spawn('node', [join(FIXTURES, 'exec-runner.mjs'), run.metaDir, '--finalize'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  // 'close', not 'exit': only then has all it wrote to stdout been read (a child's exit may be seen before its output).
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, exit, stdout: () => out };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function killQuietly(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // gone
  }
}

describe('stopRun()', () => {
  test('SIGTERM to a run started by another process: its runner finalizes it terminated (-15)', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000'));
    const runner = startRunner(run);
    try {
      await waitFor(async () => (await output(run)) === 'started\n' && (await exists(runMetaPath(run, 'proc', 'lock'))));
      const pid = Number(readMetaFileSync(run, 'proc/lock'));
      expect(await stopRun(run)).toEqual({ pid, signal: 'SIGTERM', finalizedBy: 'runner' });
      expect(await runStatus(run)).toBe('terminated');
      expect(readMetaFileSync(run, 'proc/exit')).toBe('-15');
      expect(await runner.exit).toBe(0);
      expect(runner.stdout()).toBe('status -15\n');
      expect(alive(pid)).toBe(false);
    } finally {
      runner.child.kill('SIGKILL');
    }
  });

  test('a run that ignores SIGTERM gets SIGKILL after the grace period (-9)', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000', '--ignore-signals'));
    const runner = startRunner(run);
    try {
      await waitFor(async () => (await output(run)) === 'started\n' && (await exists(runMetaPath(run, 'proc', 'lock'))));
      // The grace period is the time the process has to note the SIGTERM before SIGKILL: on a busy machine a
      // process may wait half a second and more before it runs at all.
      const result = await stopRun(run, { graceMs: 3000 });
      expect(result).toMatchObject({ signal: 'SIGKILL', finalizedBy: 'runner' });
      expect(readMetaFileSync(run, 'proc/exit')).toBe('-9');
      expect(await output(run)).toBe('started\ngot SIGTERM\n');
    } finally {
      runner.child.kill('SIGKILL');
    }
  });

  test('SIGTERM also reaches a descendant that left the run process group', async () => {
    const run = await makeStagedRun({}, 'setsid sleep 600 & echo $! > bg.pid; echo started; wait');
    const runner = startRunner(run);
    let bg: number | undefined;
    try {
      await waitFor(async () => (await output(run)) === 'started\n' && (await exists(join(run.runDir, 'bg.pid'))));
      bg = Number(await readFile(join(run.runDir, 'bg.pid'), 'utf8'));
      expect(alive(bg)).toBe(true);
      expect(await stopRun(run)).toMatchObject({ signal: 'SIGTERM', finalizedBy: 'runner' });
      expect(alive(bg)).toBe(false);
    } finally {
      runner.child.kill('SIGKILL');
      killQuietly(bg);
    }
  });

  test('a run whose runner was killed (SIGKILL) while its process lives on: stopped, then finalized here', async () => {
    // Survives SIGTERM (the watchdog's and ours); writes nothing more to pipes that have no reader once the runner is gone.
    const run = await makeStagedRun({}, "trap 'echo TERM >> got-term' TERM; echo started; exec >/dev/null 2>&1; while :; do sleep 1; done");
    const runner = startRunner(run);
    let pid: number | undefined;
    try {
      await waitFor(async () => (await output(run)) === 'started\n' && (await exists(runMetaPath(run, 'proc', 'lock'))));
      pid = Number(readMetaFileSync(run, 'proc/lock'));
      runner.child.kill('SIGKILL');
      await runner.exit;
      expect(await runStatus(run)).toBe('running');
      // As if the runner had died long ago (its lock would turn stale 10 s after its death).
      const old = new Date(Date.now() - 60_000);
      await utimes(`${run.runDir}.lock`, old, old);
      const result = await stopRun(run, { graceMs: 1000 });
      expect(result).toEqual({ pid, signal: 'SIGKILL', finalizedBy: 'stop' });
      expect(alive(pid)).toBe(false);
      expect(await runStatus(run)).toBe('terminated');
      expect(readMetaFileSync(run, 'proc/exit')).toBe('-9');
      expect(readMetaFileSync(run, 'stopped')).toMatch(/^\d{16}$/);
      expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
      expect(await runLockState(run)).toBe('none');
      expect(await readFile(join(run.runDir, 'got-term'), 'utf8')).toMatch(/^TERM\n/);
    } finally {
      runner.child.kill('SIGKILL');
      killQuietly(pid);
    }
  });

  test("waits for the dead runner's lock to turn stale before it finalizes", async () => {
    // Survives SIGTERM (the watchdog's and ours), so that the stop always finds it running.
    const run = await makeStagedRun({}, "trap '' TERM; echo started; exec >/dev/null 2>&1; while :; do sleep 1; done");
    const runner = startRunner(run);
    let pid: number | undefined;
    let keepFresh: ReturnType<typeof setInterval> | undefined;
    try {
      await waitFor(async () => (await output(run)) === 'started\n' && (await exists(runMetaPath(run, 'proc', 'lock'))));
      pid = Number(readMetaFileSync(run, 'proc/lock'));
      // Kill the runner and stop the run at once, while the dead runner's lock is still fresh.
      runner.child.kill('SIGKILL');
      await runner.exit;
      // Left alone it would turn stale 5 to 10 s after the runner's death, which the steps below may take on a busy
      // machine: keep it fresh, as if the runner had just refreshed it, until the test ages it.
      let touching: Promise<void> = Promise.resolve();
      keepFresh = setInterval(() => {
        touching = utimes(`${run.runDir}.lock`, new Date(), new Date()).catch(() => undefined);
      }, 1000);
      const stopping = stopRun(run, { graceMs: 300, finalizeWaitMs: 120_000 });
      // The run is gone (SIGKILL after the grace) but its dead runner's lock is still fresh: not finalized yet.
      await waitFor(() => !alive(pid as number));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await exists(runMetaPath(run, 'proc', 'exit'))).toBe(false);
      clearInterval(keepFresh);
      await touching;
      const old = new Date(Date.now() - 60_000);
      await utimes(`${run.runDir}.lock`, old, old);
      const result = await stopping;
      expect(result).toEqual({ pid, signal: 'SIGKILL', finalizedBy: 'stop' });
      expect(readMetaFileSync(run, 'proc/exit')).toBe('-9');
    } finally {
      clearInterval(keepFresh);
      killQuietly(pid);
    }
  });

  test('a run with no live process is not signalled: staged, finalized, or ended before the stop', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '10'));
    expect(await stopRun(run)).toEqual({ pid: undefined, signal: undefined, finalizedBy: undefined });
    const status = await execRun(run);
    expect(await stopRun(run)).toEqual({ pid: undefined, signal: undefined, finalizedBy: undefined });
    await finalizeRun(run, status);
    expect(await stopRun(run)).toEqual({ pid: undefined, signal: undefined, finalizedBy: undefined });
    expect(await runStatus(run)).toBe('completed');
  });
});
