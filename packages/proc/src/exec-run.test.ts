import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listRuns, lockRun, readMetaFileSync, runMetaPath, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { cleanupTestdirs, testdir, waitFor } from '@gage/test-utils';
import { FIXTURES, fixtureCmd, makeStagedRun, runnerLog, steps } from '../test/helpers.js';
import { execRun } from './exec-run.js';
import { finalizeRun } from './finalize-run.js';

afterEach(cleanupTestdirs);

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
    expect(readMetaFileSync(run, 'started')).toMatch(/^\d{16}$/);
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
    // The process lives until the test has looked (or 60 s), not for a time a busy machine may use up.
    const looked = join(await testdir(), 'looked');
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['await', [looked, 1]])));
    const done = execRun(run);
    await waitFor(() => exists(runMetaPath(run, 'proc', 'lock')));
    expect(await runStatus(run)).toBe('running');
    await writeFile(looked, 'y');
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
    expect(readMetaFileSync(run, 'proc/exit')).toBe('-2');
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
    // The grace period is the time the process has to note the SIGINT before SIGKILL: on a busy machine a process
    // may wait half a second and more before it runs at all.
    const done = execRun(run, { signal: controller.signal, killGraceMs: 3000 });
    await waitFor(async () => (await readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '')) === 'started\n');
    controller.abort();
    expect(await done).toBe(-9);
    expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('started\ngot SIGINT\n');
  });

  test('a runner killed with SIGKILL: its watchdog stops the run, which then reads terminated, not running', async () => {
    // Writes nothing after its first line: no write to a pipe without reader (SIGPIPE) can end it instead.
    const run = await makeStagedRun({}, 'echo started; exec >/dev/null 2>&1; exec sleep 600');
    const runner = startRunner(run);
    let childPid: number | undefined;
    try {
      await waitFor(() => {
        try {
          return readMetaFileSync(run, 'proc/lock') !== undefined;
        } catch {
          return false; // between its write and its rename, or a half-made meta dir
        }
      });
      childPid = Number(readMetaFileSync(run, 'proc/lock'));
      expect(await runStatus(run)).toBe('running');
      runner.child.kill('SIGKILL');
      await runner.exit;
      // The watchdog sends SIGTERM to the run's process group at once.
      await waitFor(() => !alive(childPid as number));
      // The dead runner no longer refreshes its lock; age it past the 10 s stale limit.
      await ageLock(run);
      expect(await runStatus(run)).toBe('terminated');
      const runs = await listRuns(join(run.runDir, '..'));
      expect(runs.map((r) => r.id)).toEqual([run.id]);
      await finalizeRun(run, -9);
      expect(await runStatus(run)).toBe('terminated');
    } finally {
      runner.child.kill('SIGKILL');
      if (childPid) killQuietly(childPid);
    }
  });

  test('one watchdog serves every run of a runner: a run that ended is no longer watched, the running one is stopped', async () => {
    // The first run ends once the test looked at the watchdogs (it writes "go"), or after 60 s.
    const first = await makeStagedRun({}, 'echo first; exec >/dev/null 2>&1; i=0; while [ ! -e go ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done');
    const second = await makeStagedRun({}, 'echo started; exec >/dev/null 2>&1; exec sleep 600');
    const runner = startRunner(first, second);
    const runnerPid = runner.child.pid as number;
    let childPid: number | undefined;
    try {
      await waitFor(() => readMetaFileSync(first, 'proc/lock') !== undefined);
      const during = watchdogsOf(runnerPid);
      await writeFile(join(first.runDir, 'go'), '');
      // The runner printed the first status before it started the second run; reading that pipe may lag behind.
      await waitFor(() => readMetaFileSync(second, 'proc/lock') !== undefined && runner.stdout().endsWith('\n'));
      childPid = Number(readMetaFileSync(second, 'proc/lock'));
      expect(runner.stdout()).toBe('status 0\n');
      // The same /bin/sh watched both runs (it was one per spawn).
      expect(during).toHaveLength(1);
      expect(watchdogsOf(runnerPid)).toEqual(during);
      runner.child.kill('SIGKILL');
      await runner.exit;
      await waitFor(() => !alive(childPid as number));
    } finally {
      runner.child.kill('SIGKILL');
      if (childPid) killQuietly(childPid);
    }
  });

  test('a run process that outlives its killed runner reads running and cannot be locked until the watchdog kills it', async () => {
    // Survives SIGTERM and notes it in a file; writes nothing more to its output pipes, which have no
    // reader once the runner is gone (a write would end it with SIGPIPE).
    const run = await makeStagedRun({}, "trap 'echo TERM >> got-term' TERM; echo started; exec >/dev/null 2>&1; while :; do sleep 1; done");
    const runner = startRunner(run);
    let childPid: number | undefined;
    try {
      await waitFor(async () => (await readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '')) === 'started\n');
      childPid = Number(readMetaFileSync(run, 'proc/lock'));
      runner.child.kill('SIGKILL');
      await runner.exit;
      await waitFor(() => exists(join(run.runDir, 'got-term')));
      await ageLock(run);
      expect(alive(childPid)).toBe(true); // it ignored the watchdog's SIGTERM
      expect(await runStatus(run)).toBe('running');
      await expect(lockRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
      // SIGKILL to the group 10 s after the SIGTERM.
      await waitFor(() => !alive(childPid as number));
      expect(await runStatus(run)).toBe('terminated');
      await (await lockRun(run)).release();
    } finally {
      runner.child.kill('SIGKILL');
      if (childPid) killQuietly(childPid);
    }
  });

  test('the run has a process group of its own: kill(0) in the run does not reach its runner', async () => {
    // The runner gets a group of its own too, so that without the fix only it (not Jest) is killed.
    const run = await makeStagedRun({}, 'echo before; kill -9 0');
    const runner = startRunner(run);
    expect(await runner.exit).toEqual({ code: 0, signal: null });
    expect(runner.stdout()).toBe('status -9\n');
    expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('before\n');
    expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
  });

  test("a terminal's Ctrl-C (SIGINT to the runner's whole process group) reaches the run once, through the runner", async () => {
    const run = await makeStagedRun({}, fixtureCmd('graceful.mjs'));
    const runner = startRunner(run);
    await waitFor(async () => (await readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '')) === 'started\n');
    process.kill(-(runner.child.pid as number), 'SIGINT');
    expect(await runner.exit).toEqual({ code: 0, signal: null });
    expect(runner.stdout()).toBe('status 0\n'); // exited by itself after the first SIGINT: not forced
    expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('started\ngot SIGINT 1\n');
  });

  test('ends when the run process exits although a process it left in the background holds the output pipes', async () => {
    const run = await makeStagedRun({}, 'echo a; (exec sleep 30) & echo $! > bg.pid; echo b');
    let exitedWith: number | undefined;
    const status = await execRun(run, { onExit: (code) => (exitedWith = code) });
    const bg = Number(await readFile(join(run.runDir, 'bg.pid'), 'utf8'));
    try {
      expect(status).toBe(0);
      expect(exitedWith).toBe(0);
      expect(alive(bg)).toBe(true); // not waited for
      expect(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8')).toBe('a\nb\n');
      expect(await exists(runMetaPath(run, 'proc', 'lock'))).toBe(false);
    } finally {
      killQuietly(bg);
    }
  });

  test('after an abort, execRun waits for what the run left in its group; one that ignores the signal gets SIGKILL after the grace period', async () => {
    const run = await makeStagedRun({}, "(trap '' INT TERM; exec sleep 60) & echo $! > bg.pid; echo started; exec sleep 60");
    const controller = new AbortController();
    const done = execRun(run, { signal: controller.signal, killGraceMs: 500 });
    await waitFor(async () => (await readFile(runMetaPath(run, 'output', '40_run'), 'utf8').catch(() => '')) === 'started\n');
    const bg = Number(await readFile(join(run.runDir, 'bg.pid'), 'utf8'));
    try {
      controller.abort('SIGTERM');
      expect(await done).toBe(-15);
      expect(alive(bg)).toBe(false);
    } finally {
      killQuietly(bg);
    }
  });

  test('an abort after the run process exited stops what it left in its process group', async () => {
    const run = await makeStagedRun({}, 'echo a; (exec sleep 400) & echo $! > bg.pid');
    const controller = new AbortController();
    const status = await execRun(run, {
      signal: controller.signal,
      onExit: () => controller.abort('SIGTERM'),
    });
    expect(status).toBe(0);
    const bg = Number(await readFile(join(run.runDir, 'bg.pid'), 'utf8'));
    await waitFor(() => !alive(bg));
  });
});

/** Starts `exec-runner.mjs` on `run` in a process group of its own. */
function startRunner(...runs: Run[]) {
  const child = spawn('node', [join(FIXTURES, 'exec-runner.mjs'), ...runs.map((r) => r.metaDir)], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  // 'close', not 'exit': only then has all it wrote to stdout been read (a child's exit may be seen before its output).
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return { child, exit, stdout: () => out };
}

/** The pids of the `gage-watchdog` shells whose parent is `pid` (from /proc). */
function watchdogsOf(pid: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('gage-watchdog')) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Makes the run lock look as if its holder had died a minute ago. */
async function ageLock(run: Run): Promise<void> {
  const old = new Date(Date.now() - 60_000);
  await utimes(`${run.runDir}.lock`, old, old);
}

/** True while `pid` runs: it exists and (where /proc tells) is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: kill(pid, 0) is all there is
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}
