import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { makeRun } from '../run/make-run.js';
import { setMetaLogger } from '../meta-logger.js';
import { lockRun, runLockState } from './run-lock.js';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/lock-run.mjs', import.meta.url));

let tmp: string;
let runsDir: string;
let run: Run;
const children: ChildProcess[] = [];
beforeEach(async () => {
  tmp = await testdir();
  runsDir = join(tmp, 'runs');
  run = await makeRun(runsDir, { id: 'aaa' });
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  setMetaLogger(undefined);
  await removeTree(tmp);
});

/** Runs the fixture with `node`; resolves with the child once it printed its first line. */
async function lockInChild(mode: 'hold' | 'try'): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn('node', [FIXTURE, run.runDir, mode], { stdio: ['ignore', 'pipe', 'inherit'], cwd: tmp });
  children.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`fixture exited (${code}) after printing ${JSON.stringify(out)}`)));
  });
  return { child, line };
}

async function setLockAge(ms: number): Promise<void> {
  const t = (Date.now() - ms) / 1000;
  await utimes(`${run.runDir}.lock`, t, t);
}

describe('lockRun()', () => {
  test('creates <runsDir>/<id>.lock beside the meta dir, never inside it, and release removes it', async () => {
    expect(await runLockState(run)).toBe('none');
    const lock = await lockRun(run);
    expect(lock.held).toBe(true);
    expect((await readdir(runsDir)).sort()).toEqual(['aaa.lock', 'aaa.meta']);
    expect(await readdir(run.metaDir)).toEqual([]);
    expect((await stat(join(runsDir, 'aaa.lock'))).isDirectory()).toBe(true);
    expect(await runLockState(run)).toBe('held');
    await lock.release();
    expect(lock.held).toBe(false);
    await lock.release(); // a second release does nothing
    expect(await readdir(runsDir)).toEqual(['aaa.meta']);
    expect(await runLockState(run)).toBe('none');
  });

  test('a second lockRun in the same process fails with RunLockedError', async () => {
    const lock = await lockRun(run);
    await expect(lockRun(run)).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_LOCKED',
      message: 'Run "aaa" is in use by another process',
      runId: 'aaa',
    });
    await lock.release();
    await (await lockRun(run)).release();
  });

  test('a deleted run locks the same path as the active one', async () => {
    const deleted = { ...run, metaDir: `${run.runDir}.meta.deleted` };
    const lock = await lockRun(run);
    await expect(lockRun(deleted)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
    await lock.release();
  });

  test('a lock held here makes another process fail, and vice versa', async () => {
    const lock = await lockRun(run);
    expect((await lockInChild('try')).line).toBe('ELOCKED');
    await lock.release();
    expect((await lockInChild('try')).line).toBe('locked');

    const { child, line } = await lockInChild('hold');
    expect(line).toBe('locked');
    await expect(lockRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED', message: 'Run "aaa" is in use by another process' });
    expect(await runLockState(run)).toBe('held');
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  test('the lock of a SIGKILLed holder turns stale and is taken over', async () => {
    const { child } = await lockInChild('hold');
    child.kill('SIGKILL');
    await once(child, 'exit');
    // The dir stays behind: the holder could not clean up.
    expect(await runLockState(run)).toBe('held');
    await expect(lockRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
    await setLockAge(9_000);
    expect(await runLockState(run)).toBe('held');
    await setLockAge(11_000); // older than the 10 s stale period, instead of waiting for it
    expect(await runLockState(run)).toBe('stale');
    const lock = await lockRun(run);
    expect(await runLockState(run)).toBe('held');
    await lock.release();
    expect(await runLockState(run)).toBe('none');
  });

  test('a lock dir dated in the future (it would never turn stale) counts as stale and is taken over', async () => {
    await mkdir(`${run.runDir}.lock`);
    const future = (Date.now() + 365 * 86_400_000) / 1000;
    await utimes(`${run.runDir}.lock`, future, future);
    expect(await runLockState(run)).toBe('stale');
    const lock = await lockRun(run);
    expect(await runLockState(run)).toBe('held');
    await lock.release();
    expect(await runLockState(run)).toBe('none');
    // A few seconds ahead (a holder on a clock running slightly fast) is still a held lock.
    await mkdir(`${run.runDir}.lock`);
    const soon = (Date.now() + 5_000) / 1000;
    await utimes(`${run.runDir}.lock`, soon, soon);
    expect(await runLockState(run)).toBe('held');
    await expect(lockRun(run)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED' });
  });

  test('a regular file at <id>.lock is no lock: a clear error, fresh or old, and the state reads none', async () => {
    await writeFile(`${run.runDir}.lock`, '');
    expect(await runLockState(run)).toBe('none');
    const expected = {
      code: 'ERR_GAGE_INVALID_RUN_LOCK',
      message: `Cannot lock run "aaa": "${run.runDir}.lock" is not a lock directory`,
      hint: expect.stringContaining(`remove "${run.runDir}.lock"`),
    };
    await expect(lockRun(run)).rejects.toMatchObject(expected);
    await setLockAge(60_000); // stale: proper-lockfile would try to rmdir it (ENOTDIR)
    await expect(lockRun(run)).rejects.toMatchObject(expected);
    expect((await stat(`${run.runDir}.lock`)).isFile()).toBe(true); // left as it was
  });

  test('taking over a stale lock removes the temp files of dead writers, and only those', async () => {
    const { child } = await lockInChild('hold');
    const deadPid = child.pid as number;
    child.kill('SIGKILL');
    await once(child, 'exit');
    await mkdir(join(run.metaDir, 'proc'), { recursive: true });
    const dead = [`.opref.${deadPid}.0123456789ab.tmp`, `proc/.exit.${deadPid}.ba9876543210.tmp`];
    const kept = ['opref', `.id.${process.pid}.0123456789ab.tmp`, `.x.${deadPid}.tmp`, `.y.${deadPid}.0123456789ab.tmpx`];
    for (const name of [...dead, ...kept]) await writeFile(join(run.metaDir, name), 'x');
    await setLockAge(11_000);
    const lock = await lockRun(run);
    await lock.release();
    const left = [...(await readdir(run.metaDir)), ...(await readdir(join(run.metaDir, 'proc'))).map((n) => `proc/${n}`)];
    expect(left.sort()).toEqual(['proc', ...kept].sort());
    // A lock that was not stale sweeps nothing (the writer may still be at work elsewhere).
    await writeFile(join(run.metaDir, dead[0] as string), 'x');
    await (await lockRun(run)).release();
    expect(await readdir(run.metaDir)).toContain(dead[0]);
  });

  // Takes one update period (5 s): proper-lockfile notices a compromise only when it refreshes the lock.
  test('a compromised lock warns instead of crashing, or calls onCompromised', async () => {
    const warnings: string[] = [];
    const warned = new Promise<void>((resolve) => setMetaLogger((m) => (warnings.push(m), resolve())));
    const other = await makeRun(runsDir, { id: 'bbb' });
    const lock = await lockRun(run);
    let onCompromised!: (err: Error) => void;
    const compromised = new Promise<Error>((resolve) => (onCompromised = resolve));
    const otherLock = await lockRun(other, { onCompromised });
    await rm(`${run.runDir}.lock`, { recursive: true });
    await rm(`${other.runDir}.lock`, { recursive: true });
    await warned;
    expect(warnings).toEqual([expect.stringMatching(/^Lock of run "aaa" was compromised: /)]);
    expect((await compromised as NodeJS.ErrnoException).code).toBe('ECOMPROMISED');
    expect(lock.held).toBe(false);
    expect(otherLock.held).toBe(false);
    await lock.release(); // nothing left to release; no error
    await otherLock.release();
    expect(await runLockState(run)).toBe('none');
    await (await lockRun(run)).release();
  });
});
