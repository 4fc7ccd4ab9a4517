import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readManifestSync, readMetaFileSync, runStatus } from '@gage/meta';
import { readRunOutput } from '@gage/proc';
import type { Run } from '@gage/types';
import { checkRunsDir } from './_check-runs.js';
import { waitFor } from '@gage/test-utils';
import { BIN, gage, gageEnv, makeSandbox, spawnGage, STACK_LINE, type GageResult, type Sandbox } from './_helpers.js';

/**
 * Hostile tests of issue 12 (processes and signals): programs that exit
 * gracefully on the first Ctrl-C, kill their process group, leave a process
 * in the background holding the pipes, end both streams without LF, read
 * stdin after the prompt; a stdout that fails; gage killed under its run.
 */
const PROJECT: Record<string, string> = {
  'gage.toml': `[graceful]
exec = ["node", "graceful.cjs"]

[kill0]
exec = "echo before; kill -9 0"

[bg]
exec = "echo a; (exec sleep 40) & echo $! > bg.pid; echo b"

[tails]
exec = "printf ERR >&2; sleep .3; printf OUT"

[stdin-op]
exec = "read x; echo got:$x"

[hello]
exec = "echo hello; echo oops >&2"

[fails]
exec = "echo hello; exit 3"

[fin]
exec = { run = "echo run", finalize = "touch fin-made.txt; echo ready-fin; exec sleep 30" }

[survivor]
exec = "trap 'echo TERM >> got-term' TERM; echo ready; exec >/dev/null 2>&1; while :; do sleep 1; done"

[sleepy]
exec = "echo ready; exec >/dev/null 2>&1; exec sleep 600"
`,
  'graceful.cjs': `let count = 0;
process.on('SIGINT', () => {
  count++;
  console.log('got SIGINT ' + count);
  if (count === 1) setTimeout(() => process.exit(0), 300);
  else process.exit(3);
});
console.log('started');
setInterval(() => {}, 1000);
`,
};

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox(PROJECT);
});
afterEach(async () => {
  await box.dispose();
});

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

/** Every meta and run file of `run` read-only, no problem in the runs dir. */
async function expectFinalized(run: Run): Promise<void> {
  expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  const writable: string[] = [];
  for (const dir of [run.metaDir, run.runDir]) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile() && ((await stat(path)).mode & 0o222) !== 0) writable.push(path);
    }
  }
  expect(writable).toEqual([]);
}

async function onlyRun(): Promise<Run> {
  const [run, ...more] = await listRuns(box.runs);
  if (!run || more.length > 0) throw new Error(`expected one run, found ${more.length + (run ? 1 : 0)}`);
  return run;
}

/** Runs gage with its stdout on `path` (e.g. /dev/full). */
function gageWithStdout(args: string[], path: string): Promise<GageResult> {
  const fd = openSync(path, 'w');
  const child = spawn('node', [BIN, ...args], { cwd: box.opts.cwd, env: gageEnv(box.opts), stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }));
  });
}

describe('hostile processes and signals (issue 12)', () => {
  test('item 7: stdout that fails with ENOSPC (> /dev/full): the run is captured and finalized, then a clear message and exit 1', async () => {
    if (!existsSync('/dev/full')) {
      console.log('SKIPPED /dev/full case: no /dev/full here');
      return;
    }
    const res = await gageWithStdout(['run', 'hello', '-y'], '/dev/full');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('gage: cannot write to stdout: ENOSPC');
    expect(res.stderr).not.toMatch(STACK_LINE);
    const run = await onlyRun();
    expect(await runStatus(run)).toBe('completed');
    expect((await readRunOutput(run)).map((l) => [l.stream, l.text])).toEqual([[0, 'hello'], [1, 'oops']]);
    await expectFinalized(run);
    // A failed run keeps its own status; other commands fail the same way.
    const failed = await gageWithStdout(['run', 'fails', '-y'], '/dev/full');
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('gage: cannot write to stdout: ENOSPC');
    const list = await gageWithStdout(['runs'], '/dev/full');
    expect(list.code).toBe(1);
    expect(list.stderr).toBe('gage: cannot write to stdout: ENOSPC: no space left on device, write\n');
  });

  test("item 11: a terminal's Ctrl-C (SIGINT to gage's whole process group) reaches the run once", async () => {
    const p = spawnGage(['run', 'graceful', '-y'], { ...box.opts, detached: true });
    await waitFor(() => p.stdout.includes('started') || p.child.exitCode !== null);
    process.kill(-(p.child.pid as number), 'SIGINT'); // what the terminal does
    const res = await p.result;
    expect(res.code).toBe(130);
    expect(res.stdout).toBe('started\ngot SIGINT 1\n'); // not force-quit by a second SIGINT
    expect(res.stderr).toContain('Aborted.');
    const run = await onlyRun();
    expect(readMetaFileSync(run, 'proc/exit')).toBe('-2'); // decision 11
    await expectFinalized(run);
  });

  test('item 11: a run that does kill -9 0 cannot kill gage; the run is finalized with -9', async () => {
    const res = await gage(['run', 'kill0', '-y'], { ...box.opts, detached: true });
    expect(res.signal).toBeNull();
    expect(res.code).toBe(137);
    expect(res.stdout).toBe('before\n');
    const run = await onlyRun();
    expect(await runStatus(run)).toBe('terminated');
    expect(readMetaFileSync(run, 'proc/exit')).toBe('-9');
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    await expectFinalized(run);
  });

  test('item 12: a background process holding the output pipes: the run ends with its process, exit code 0', async () => {
    const res = await gage(['run', 'bg', '-y'], box.opts);
    const run = await onlyRun();
    const bg = Number(await readFile(join(run.runDir, 'bg.pid'), 'utf8'));
    try {
      expect(alive(bg)).toBe(true); // gage did not wait for it
      expect(res.code).toBe(0);
      expect(res.stdout).toBe('a\nb\n');
      expect(await runStatus(run)).toBe('completed');
      expect(readMetaFileSync(run, 'proc/exit')).toBe('0');
      await expectFinalized(run);
    } finally {
      killQuietly(bg);
    }
  });

  test('item 13: gage SIGKILLed: a run that survives SIGTERM reads running and cannot be deleted until the watchdog kills it', async () => {
    // The watchdog sends SIGTERM at once (the run notes it and goes on), SIGKILL 10 s later. The checks below must
    // happen inside those 10 s; on a loaded machine three gage processes may take longer. An attempt whose run was
    // killed before its checks ended proves nothing either way: it is made again, at most three times.
    for (let attempt = 1;; attempt++) {
      const outcome = await survivorAttempt();
      if (outcome === 'checked') break;
      if (attempt === 3) throw new Error('the watchdog killed the run before the checks ended, three times: the machine is too slow for this test');
    }
  });

  /** One run of `survivor` whose gage is SIGKILLed; 'window passed' when its process died before the checks ended. */
  async function survivorAttempt(): Promise<'checked' | 'window passed'> {
    const p = spawnGage(['run', 'survivor', '-y'], { ...box.opts, detached: true });
    await waitFor(() => p.stdout.includes('ready') || p.child.exitCode !== null);
    const run = (await listRuns(box.runs, { sort: ['-timestamp'] }))[0] as Run;
    const pid = Number(readMetaFileSync(run, 'proc/lock'));
    try {
      p.child.kill('SIGKILL');
      await p.result;
      await waitFor(() => existsSync(join(run.runDir, 'got-term')));
      const old = new Date(Date.now() - 60_000);
      await utimes(`${run.runDir}.lock`, old, old); // as if 10 s had passed: the dead runner's lock is stale
      expect(alive(pid)).toBe(true);
      const ls = await gage(['runs'], box.opts);
      const rms: GageResult[] = [];
      for (const args of [['rm', '-y', run.id], ['rm', '-p', '-y', run.id]]) rms.push(await gage(args, box.opts));
      if (!alive(pid)) return 'window passed'; // alive now: alive during the checks
      const row = ls.stdout.split('\n').find((line) => line.includes(` ${run.name.slice(0, 5)} `)) ?? ''; // the name column shows its first 5 letters
      expect(row).toContain('running');
      expect(row).not.toContain('terminated');
      for (const rm of rms) {
        expect(rm.code).toBe(1);
        expect(rm.stderr).toContain(`gage: Run "${run.id}" is in use by another process`);
        expect(rm.stderr).toContain(`Its process ${pid} still runs although its runner stopped`);
      }
      expect(await stat(run.metaDir).then(() => true)).toBe(true);
      await waitFor(() => !alive(pid));
      expect(await runStatus({ ...run })).toBe('terminated');
      const rm = await gage(['rm', '-y', run.id], box.opts);
      expect(rm.code).toBe(0);
      return 'checked';
    } finally {
      killQuietly(pid);
    }
  }

  test('item 13: gage SIGKILLed while its run sleeps: the run process dies with it (watchdog)', async () => {
    const p = spawnGage(['run', 'sleepy', '-y'], { ...box.opts, detached: true });
    await waitFor(() => p.stdout.includes('ready') || p.child.exitCode !== null);
    const run = await onlyRun();
    const pid = Number(readMetaFileSync(run, 'proc/lock'));
    try {
      p.child.kill('SIGKILL');
      await p.result;
      await waitFor(() => !alive(pid));
    } finally {
      killQuietly(pid);
    }
  });

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('item 14: %s during the finalize hook stops it; finalize completes, gage exits %i', async (sig, code) => {
    // SIGINT as a terminal sends it (to gage's group); the others to gage.
    const p = spawnGage(['run', 'fin', '-y'], { ...box.opts, detached: true });
    await waitFor(() => p.stdout.includes('ready-fin') || p.child.exitCode !== null);
    if (sig === 'SIGINT') process.kill(-(p.child.pid as number), sig);
    else p.child.kill(sig);
    const res = await p.result;
    expect(res.code).toBe(code);
    expect(res.stderr.includes('Aborted.')).toBe(sig === 'SIGINT');
    const run = await onlyRun();
    expect(await runStatus(run)).toBe('completed'); // the run process exited 0
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    expect(existsSync(`${run.runDir}.lock`)).toBe(false);
    expect(readManifestSync(run)?.map((e) => e.path)).toContain('fin-made.txt');
    expect(await readFile(join(run.metaDir, 'log', 'runner'), 'utf8')).toContain(`Stopped finalize by ${sig}`);
    await expectFinalized(run); // every file read-only
  });

  test('item 15: the last partial lines of stdout and stderr are stored and read back apart, each with its stream', async () => {
    const res = await gage(['run', 'tails', '-y'], box.opts);
    expect(res.code).toBe(0);
    const run = await onlyRun();
    const lines = (await readRunOutput(run)).map((l) => [l.stream, l.text]);
    expect(lines).toEqual(expect.arrayContaining([[1, 'ERR'], [0, 'OUT']]));
    expect(lines).toHaveLength(2);
    const show = await gage(['show', run.id], box.opts);
    expect(show.stdout).toMatch(/^\s*[|│]?\s*ERR\s*[|│]?\s*$/m);
    expect(show.stdout).toMatch(/^\s*[|│]?\s*OUT\s*[|│]?\s*$/m);
    expect(show.stdout).not.toContain('ERROUT');
    expect(show.stdout).not.toContain('OUTERR');
  });

  test('item 16: piped stdin after the prompt answer reaches the run', async () => {
    const res = await gage(['run', 'stdin-op'], { ...box.opts, input: 'y\nhello\n' });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('got:hello\n');
    const declined = await gage(['run', 'stdin-op'], { ...box.opts, input: 'maybe\nn\nhello\n' });
    expect(declined.code).toBe(0);
    expect(declined.stderr).toContain('Please enter Y or N');
    expect((await listRuns(box.runs)).length).toBe(1);
  });
});
