import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync, runLockState, runStatus } from '@gage/meta';
import { waitFor } from '@gage/test-utils';
import { gage, makeSandbox, spawnGage, type GageProcess, type Sandbox } from './_helpers.js';
import { WORK_PROJECT } from './_projects.js';

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox(WORK_PROJECT);
});
afterEach(async () => {
  await box.dispose();
});

async function startAndWaitReady(op: string): Promise<GageProcess> {
  const p = spawnGage(['run', op, '-y'], box.opts);
  await waitFor(() => p.stdout.includes('ready') || p.child.exitCode !== null);
  return p;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('signals to gage run (decision 11)', () => {
  test.each([
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const)('%s: the child gets it, the run is terminated with -%i, gage exits 128 + signum', async (sig, signum) => {
    const p = await startAndWaitReady('trap');
    p.child.kill(sig);
    const res = await p.result;
    expect(res.code).toBe(128 + signum);
    const [run] = await listRuns(box.runs);
    expect(run).toBeDefined();
    if (!run) return;
    expect(await readFile(join(run.runDir, 'signal.txt'), 'utf8')).toBe(sig);
    expect(res.stdout).toContain(`got ${sig}`);
    expect(await runStatus(run)).toBe('terminated');
    expect(readMetaFileSync(run, 'proc/exit')).toBe(String(-signum));
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    if (sig === 'SIGINT') expect(res.stderr).toContain('Aborted.');
    const show = await gage(['show', run.id], box.opts);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('terminated');
  });

  test('a run that ignores SIGTERM is killed after the grace period and still finalized', async () => {
    const p = await startAndWaitReady('stubborn');
    p.child.kill('SIGTERM');
    const res = await p.result;
    expect(res.code).toBe(143);
    expect(res.stdout).toContain('ignoring SIGTERM');
    const [run] = await listRuns(box.runs);
    if (!run) throw new Error('no run');
    expect(await runStatus(run)).toBe('terminated');
    expect(readMetaFileSync(run, 'proc/exit')).toBe('-15');
    expect(await readFile(join(run.metaDir, 'log', 'runner'), 'utf8')).toContain('Exit code for run: -9');
  });

  test('children left behind that ignore SIGTERM and hold the output pipes are stopped too', async () => {
    const p = await startAndWaitReady('orphan');
    const [run] = await listRuns(box.runs);
    if (!run) throw new Error('no run');
    const orphanPid = Number(await readFile(join(run.runDir, 'orphan.pid'), 'utf8'));
    expect(alive(orphanPid)).toBe(true);
    p.child.kill('SIGTERM');
    const res = await p.result;
    expect(res.code).toBe(143);
    await waitFor(() => !alive(orphanPid));
    expect(await runStatus(run)).toBe('terminated');
    expect(readMetaFileSync(run, 'proc/exit')).toBe('-15');
  });

  test('SIGKILL of gage while the run lives: the run reads terminated once the process is gone, and can be deleted', async () => {
    const p = await startAndWaitReady('trap');
    const [run] = await listRuns(box.runs);
    if (!run) throw new Error('no run');
    const pid = Number(readMetaFileSync(run, 'proc/lock'));
    p.child.kill('SIGKILL');
    await p.result;
    process.kill(pid, 'SIGKILL'); // the orphaned run process
    await waitFor(() => !alive(pid));
    expect(await runStatus({ ...run })).toBe('terminated');
    // Until the dead runner's lock goes stale (10 s without refresh) the run is still locked.
    const early = await gage(['rm', '-y', run.id], box.opts);
    if (early.code !== 0) {
      expect(early.code).toBe(1);
      expect(early.stderr).toBe(`gage: Run "${run.id}" is in use by another process\n`);
      await waitFor(async () => (await runLockState(run)) === 'stale');
    }
    const rm = early.code === 0 ? early : await gage(['rm', '-y', run.id], box.opts);
    expect(rm.code).toBe(0);
    expect(rm.stderr).toContain('Deleted 1 run');
  });
});
