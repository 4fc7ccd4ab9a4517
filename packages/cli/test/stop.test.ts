import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync, runLockState, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { BIN, gage, gageEnv } from './_helpers.js';

/** `nap` sleeps; `stubborn` ignores SIGTERM (and writes nothing after its first line, so a lost reader cannot end it). */
const PROJECT: Record<string, string> = {
  'gage.toml': `[nap]
exec = ["node", "-e", "console.log('ready'); setTimeout(() => {}, 600000)"]

[stubborn]
exec = "trap 'echo TERM >> got-term' TERM; echo ready; exec >/dev/null 2>&1; while :; do sleep 1; done"
`,
};

let project: string;
let home: string;
let runsDir: string;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  project = await testdir(PROJECT);
  home = await testdir();
  runsDir = join(home, 'runs');
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[], input?: string) => gage(['--runs', runsDir, ...args], { cwd: project, home, input });

/** Starts the built `gage run <op> -y` (another gage process); resolves once its run reads `running`. */
async function startElsewhere(op: string) {
  const child = spawn('node', [BIN, '--runs', runsDir, 'run', op, '-y'], { cwd: project, env: gageEnv({ home }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => child.kill('SIGKILL'));
  await waitFor(() => stdout.includes('ready'));
  const [run] = await listRuns(runsDir);
  await waitFor(async () => (await runStatus(run as Run)) === 'running');
  const pid = Number(readMetaFileSync(run as Run, 'proc/lock'));
  cleanups.push(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  });
  return { child, exit, run: run as Run, pid };
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

describe('gage stop', () => {
  test('stops a run started by another gage: SIGTERM to its group, its gage finalizes it terminated and exits 143', async () => {
    const other = await startElsewhere('nap');
    const r = await g(['stop', other.run.name.slice(0, 5), '-y']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'Stopped 1 run\n' });
    expect(await runStatus(other.run)).toBe('terminated');
    expect(readMetaFileSync(other.run, 'proc/exit')).toBe('-15');
    expect(await other.exit).toBe(143);
    expect(alive(other.pid)).toBe(false);
    expect(await runLockState(other.run)).toBe('none');
  });

  test('asks first, with the runs table: "You are about to stop 1 run."; "n" stops nothing', async () => {
    const other = await startElsewhere('nap');
    const r = await g(['stop', '-a'], 'n\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\| # \| name +\| operation \| started +\| status +\| description +\|\n/);
    expect(r.stderr).toContain('| running |');
    expect(r.stderr).toContain('\nYou are about to stop 1 run.\n\nContinue? (Y/n) \n');
    expect(await runStatus(other.run)).toBe('running');
    expect((await g(['stop', '-w', 'nap', '-y'])).stderr).toBe('Stopped 1 run\n');
    expect(await other.exit).toBe(143);
  });

  test('a run that ignores SIGTERM gets SIGKILL after --grace', async () => {
    const other = await startElsewhere('stubborn');
    const r = await g(['stop', other.run.id, '--grace', '0.5', '-y']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `Run ${other.run.name} was still running 0.5 s after SIGTERM: sent SIGKILL\nStopped 1 run\n` });
    expect(readMetaFileSync(other.run, 'proc/exit')).toBe('-9');
    expect(await other.exit).toBe(137);
  });

  test('a run whose gage was killed (SIGKILL) while its process lives on: stopped and finalized by stop', async () => {
    const other = await startElsewhere('stubborn');
    other.child.kill('SIGKILL');
    await other.exit;
    // The watchdog's SIGTERM is ignored; the run still reads running.
    await waitFor(() => alive(other.pid) && existsSync(join(other.run.runDir, 'got-term')));
    expect(await runStatus(other.run)).toBe('running');
    // As if the gage had died a minute ago: its lock is stale (otherwise stop waits the 10 s until it is).
    const old = new Date(Date.now() - 60_000);
    await utimes(`${other.run.runDir}.lock`, old, old);
    const r = await g(['stop', other.run.name, '--grace', '0.3', '-y']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Run ${other.run.name} was still running 0.3 s after SIGTERM: sent SIGKILL\nStopped 1 run\n`);
    expect(alive(other.pid)).toBe(false);
    expect(await runStatus(other.run)).toBe('terminated');
    expect(readMetaFileSync(other.run, 'proc/exit')).toBe('-9');
    expect(readMetaFileSync(other.run, 'proc/lock')).toBeUndefined();
    expect(await runLockState(other.run)).toBe('none');
    expect((await g(['show', other.run.name])).stdout).toContain('terminated');
  });

  test('refuses a run that is not running; -a with nothing running stops nothing', async () => {
    expect(await g(['run', 'nap', '--stage', '-y'])).toMatchObject({ code: 0 });
    const [staged] = await listRuns(runsDir);
    const r = await g(['stop', '1', '-y']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `gage: Run "${staged?.id}" is 'staged'\n\nOnly running runs can be stopped.\n` });
    expect(await g(['stop', '-a', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing to stop\n' });
    expect(await runStatus(staged as Run)).toBe('staged');
  });

  test('needs runs or --all; --grace must be a number of 0 or more', async () => {
    expect(await g(['stop'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Specify a run to stop or use '--all'.\n\nUse 'gage list -w running' to show running runs.\n\nTry 'gage stop -h' for additional help.\n",
    });
    for (const [value, why] of [['x', 'is not a valid number'], ['-1', 'is not in the range x>=0']]) {
      const r = await g(['stop', '-a', '--grace', value as string]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Error: Invalid value for '--grace': '${value}' ${why}.\n`);
    }
    expect((await g(['stop', 'x', '-a'])).stderr).toBe("runs and all cannot be used together.\n\nTry 'gage stop -h' for help.\n");
  });
});
