import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMetaSync } from '../run/init-run-meta-sync.js';
import { isPidAlive } from './is-pid-alive.js';
import { makeRun } from '../run/make-run.js';
import { setMetaLogger } from '../meta-logger.js';
import { runForMetaDirSync } from '../run/run-for-meta-dir-sync.js';
import { lockRun } from '../lock/run-lock.js';
import { runStatus } from './run-status.js';
import { clearRunAttrCache, runAttrSync } from './run-attr-sync.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';
import { writeRunTimestampSync } from '../meta-file/write-run-timestamp-sync.js';
import { clearRunSubmission, readRunSubmission, writeRunSubmission } from '../submit/run-submission.js';

let tmp: string;
let run: Run;
let warnings: string[];
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
  warnings = [];
  setMetaLogger((m) => warnings.push(m));
});
const afterThis: (() => void)[] = [];
afterEach(async () => {
  for (const undo of afterThis.splice(0)) undo();
  setMetaLogger(undefined);
  await removeTree(tmp);
});

const init = () => initRunMetaSync(run, { ns: 't', name: 't' }, OpDef('t', {}), {}, OpCmd(['a']));

/** The pid of a process that has exited (and was reaped). */
async function deadPid(): Promise<number> {
  const child = spawn('node', ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('isPidAlive()', () => {
  test('is true for this process, false for an exited one and for non-pids', async () => {
    expect(isPidAlive(process.pid)).toBe(true);
    expect(isPidAlive(await deadPid())).toBe(false);
    for (const pid of [0, -1, 1.5, NaN]) expect(isPidAlive(pid)).toBe(false);
  });

  test('is false, never a throw, for integers no process can have (a damaged proc/lock)', () => {
    for (const pid of [2 ** 31, 2 ** 32, 2 ** 53 + 2, Infinity]) expect(isPidAlive(pid)).toBe(false);
  });

  test('is true for pid 1, whoever owns it (EPERM counts as alive)', () => {
    expect(isPidAlive(1)).toBe(true); // init: alive whoever we are
  });
});

describe('runStatus()', () => {
  test('unknown → pending → staged → running → completed', async () => {
    expect(await runStatus(run)).toBe('unknown');
    init();
    expect(await runStatus(run)).toBe('pending');
    writeRunTimestampSync(run, 'staged');
    expect(await runStatus(run)).toBe('staged');
    writeMetaFileSync(run, 'proc/lock', String(process.pid), { writable: true });
    expect(await runStatus(run)).toBe('running');
    const lock = await lockRun(run);
    expect(await runStatus(run)).toBe('running');
    writeMetaFileSync(run, 'proc/exit', '0');
    expect(await runStatus(run)).toBe('completed');
    await lock.release();
  });

  test('a submitted staged run is queued until its task takes the run (proc/lock), and staged again once the submission is cleared', async () => {
    init();
    writeRunTimestampSync(run, 'staged');
    writeRunSubmission(run, { backend: 'slurm', job: '7', task: '7_0', output: '/x/7_0.out', time: 1 });
    expect(await runStatus(run)).toBe('queued');
    expect(readRunSubmission(run)).toEqual({ backend: 'slurm', job: '7', task: '7_0', output: '/x/7_0.out', time: 1 });
    clearRunSubmission(run);
    expect(await runStatus(run)).toBe('staged');
    writeRunSubmission(run, { backend: 'slurm', job: '7', task: '7_0', output: '/x/7_0.out', time: 1 });
    const lock = await lockRun(run); // its task's gage
    writeMetaFileSync(run, 'proc/lock', String(process.pid), { writable: true });
    expect(await runStatus(run)).toBe('running');
    writeMetaFileSync(run, 'proc/exit', '0');
    expect(await runStatus(run)).toBe('completed');
    await lock.release();
  });

  test('a submitted run runs on another node: its pid is not looked at here, its run lock decides (held running, else terminated)', async () => {
    init();
    writeRunTimestampSync(run, 'staged');
    // A pid of no process here (it ended): for a local run that reads terminated.
    const child = spawn('true');
    await once(child, 'exit');
    writeMetaFileSync(run, 'proc/lock', String(child.pid), { writable: true });
    const lock = await lockRun(run);
    expect(await runStatus(run)).toBe('terminated');
    writeRunSubmission(run, { backend: 'slurm', job: '7', task: '7_0', output: '/x/7_0.out', time: 1 });
    expect(await runStatus(run)).toBe('running');
    await lock.release();
    expect(await runStatus(run)).toBe('terminated');
  });

  test('proc/exit decides: 0 completed, positive error, negative terminated', async () => {
    for (const [exit, status] of [['0', 'completed'], ['1', 'error'], ['-9', 'terminated'], ['2\n', 'error']] as const) {
      writeMetaFileSync(run, 'proc/exit', exit);
      expect(await runStatus(run)).toBe(status);
    }
  });

  test('a malformed proc/exit warns and falls through', async () => {
    init();
    writeMetaFileSync(run, 'proc/exit', 'oops');
    expect(await runStatus(run)).toBe('pending');
    expect(warnings).toEqual([`Invalid exit status in "${run.metaDir}": oops`]);
  });

  test('proc/lock with a dead pid, a non-integer, or a stale run lock is terminated', async () => {
    init();
    writeMetaFileSync(run, 'proc/lock', String(await deadPid()), { writable: true });
    expect(await runStatus(run)).toBe('terminated');
    writeMetaFileSync(run, 'proc/lock', 'not-a-pid', { writable: true });
    expect(await runStatus(run)).toBe('terminated');
    // A live pid that leads no process group of its own (a run of a runner that gave it none).
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    afterThis.push(() => child.kill('SIGKILL'));
    writeMetaFileSync(run, 'proc/lock', String(child.pid), { writable: true });
    const lock = await lockRun(run);
    const old = (Date.now() - 60_000) / 1000;
    await utimes(`${run.runDir}.lock`, old, old); // as if its holder had died a minute ago
    expect(await runStatus(run)).toBe('terminated');
    await lock.release();
    expect(await runStatus(run)).toBe('running'); // live pid and no run lock at all
  });

  test('proc/lock holding no possible pid (2^31, 2^32, garbage) is terminated with a warning, never a throw', async () => {
    init();
    for (const text of ['2147483648', '4294967296', '99999999999999999999', 'garbage', '0', '-5']) {
      warnings.length = 0;
      writeMetaFileSync(run, 'proc/lock', text, { writable: true });
      expect(await runStatus(run)).toBe('terminated');
      expect(warnings).toEqual([`Invalid pid in "proc/lock" of "${run.metaDir}": ${text}`]);
    }
  });

  test('a run whose process ran but that nobody finalizes (runner killed, disk full) is terminated, not staged', async () => {
    init();
    writeRunTimestampSync(run, 'staged');
    writeRunTimestampSync(run, 'started');
    expect(await runStatus(run)).toBe('staged'); // started, but the process never ran (a failed spawn): can be started again
    writeMetaFileSync(run, 'output/40_run', 'out\n', { writable: true });
    const lock = await lockRun(run);
    expect(await runStatus(run)).toBe('staged'); // its runner holds the lock: finalize comes next (docs/spec/lifecycle.md 11)
    await lock.release();
    expect(await runStatus(run)).toBe('terminated'); // the runner is gone
    const stale = await lockRun(run);
    const old = (Date.now() - 60_000) / 1000;
    await utimes(`${run.runDir}.lock`, old, old);
    expect(await runStatus(run)).toBe('terminated'); // its lock went stale: the runner died
    await stale.release();
    writeMetaFileSync(run, 'proc/exit', '0');
    expect(await runStatus(run)).toBe('completed');
  });

  test('a FIFO or a device as a meta file warns and is skipped, without blocking', async () => {
    init();
    execFileSync('mkfifo', [join(run.metaDir, 'proc', 'exit')]);
    expect(await runStatus(run)).toBe('pending');
    execFileSync('mkfifo', [join(run.metaDir, 'staged')]);
    await symlink('/dev/zero', join(run.metaDir, 'proc', 'lock'));
    expect(await runStatus(run)).toBe('pending');
    expect(warnings).toEqual([
      expect.stringMatching(/^Cannot read "proc\/exit" in ".*aaa\.meta": EFTYPE: not a regular file/),
      expect.stringMatching(/^Cannot read "proc\/exit" in ".*aaa\.meta": EFTYPE/),
      expect.stringMatching(/^Cannot read "proc\/lock" in ".*aaa\.meta": EFTYPE/),
      expect.stringMatching(/^Cannot read "staged" in ".*aaa\.meta": EFTYPE/),
    ]);
  });

  test('proc/lock naming a live process group is running, also with a stale run lock; terminated once it is gone', async () => {
    init();
    // A run process leads a group of its own (@gage/proc spawns it detached); its runner was SIGKILLed.
    const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
    try {
      writeMetaFileSync(run, 'proc/lock', String(child.pid), { writable: true });
      await mkdir(`${run.runDir}.lock`);
      const old = (Date.now() - 60_000) / 1000;
      await utimes(`${run.runDir}.lock`, old, old);
      expect(await runStatus(run)).toBe('running');
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(await runStatus(run)).toBe('terminated');
  });

  test('an unreadable meta file warns and is skipped', async () => {
    init();
    writeMetaFileSync(run, 'proc/exit/x', '0'); // proc/exit is a dir: EISDIR
    expect(await runStatus(run)).toBe('pending');
    expect(warnings).toEqual([expect.stringMatching(/^Cannot read "proc\/exit" in ".*aaa\.meta": EISDIR/)]);
  });
});

describe('runAttrSync()', () => {
  test('reads id, name, dir, timestamps and exit_code', async () => {
    init();
    const staged = writeRunTimestampSync(run, 'staged');
    const started = writeRunTimestampSync(run, 'started');
    const stopped = writeRunTimestampSync(run, 'stopped');
    writeMetaFileSync(run, 'proc/exit', '-2');
    expect(runAttrSync(run, 'id')).toBe('aaa');
    expect(runAttrSync(run, 'name')).toBe('babab-bopop');
    expect(runAttrSync(run, 'dir')).toBe(run.runDir);
    expect(runAttrSync(run, 'staged')).toBe(staged);
    expect(runAttrSync(run, 'started')).toBe(started);
    expect(runAttrSync(run, 'stopped')).toBe(stopped);
    expect(runAttrSync(run, 'timestamp')).toBe(started);
    expect(runAttrSync(run, 'exit_code')).toBe(-2);
  });

  test('timestamp is the first present of started, staged, initialized', async () => {
    init();
    const initialized = runAttrSync(run, 'timestamp');
    expect(typeof initialized).toBe('number');
    const other = runForMetaDirSync(run.metaDir)!;
    const staged = writeRunTimestampSync(other, 'staged');
    expect(runAttrSync(other, 'timestamp')).toBe(staged);
  });

  test('an unknown name throws its name, even with a default', async () => {
    expect(() => runAttrSync(run, 'label', 'x')).toThrow(expect.objectContaining({ code: 'ERR_GAGE_RUN_ATTR_UNKNOWN', message: 'label' }));
    expect(() => runAttrSync(run, 'initialized')).toThrow(expect.objectContaining({ message: 'initialized' }));
  });

  test('unavailable: throws its name without a default, returns the default (also undefined) otherwise', async () => {
    expect(() => runAttrSync(run, 'stopped')).toThrow(expect.objectContaining({ code: 'ERR_GAGE_RUN_ATTR_MISSING', message: 'stopped' }));
    expect(runAttrSync(run, 'stopped', null)).toBeNull();
    expect(runAttrSync(run, 'exit_code', undefined)).toBeUndefined();
    writeMetaFileSync(run, 'proc/exit', 'x');
    expect(runAttrSync(run, 'exit_code', 'none')).toBe('none');
    expect(warnings).toEqual([`Invalid exit status in "${run.metaDir}": x`]);
  });

  test('caches values read per run object, never defaults; clearRunAttrCache forgets', async () => {
    expect(runAttrSync(run, 'stopped', 0)).toBe(0);
    const first = writeRunTimestampSync(run, 'stopped');
    expect(runAttrSync(run, 'stopped', 0)).toBe(first); // the default was not cached
    writeMetaFileSync(run, 'stopped', '5');
    expect(runAttrSync(run, 'stopped')).toBe(first); // cached
    const fresh = runForMetaDirSync(run.metaDir) ?? { ...run };
    expect(runAttrSync(fresh, 'stopped')).toBe(5);
    clearRunAttrCache(run);
    expect(runAttrSync(run, 'stopped')).toBe(5);
  });
});
