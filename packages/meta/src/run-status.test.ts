import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMeta } from './init-run-meta.js';
import { isPidAlive } from './is-pid-alive.js';
import { makeRun } from './make-run.js';
import { setMetaLogger } from './meta-logger.js';
import { runForMetaDir } from './run-for-meta-dir.js';
import { lockRun } from './run-lock.js';
import { runStatus } from './run-status.js';
import { clearRunAttrCache, runAttr } from './run-attr.js';
import { writeMetaFile } from './write-meta-file.js';
import { writeRunTimestamp } from './write-run-timestamp.js';

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

const init = () => initRunMeta(run, { ns: 't', name: 't' }, OpDef('t', {}), {}, OpCmd(['a']));

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
    await init();
    expect(await runStatus(run)).toBe('pending');
    await writeRunTimestamp(run, 'staged');
    expect(await runStatus(run)).toBe('staged');
    await writeMetaFile(run, 'proc/lock', String(process.pid), { writable: true });
    expect(await runStatus(run)).toBe('running');
    const lock = await lockRun(run);
    expect(await runStatus(run)).toBe('running');
    await writeMetaFile(run, 'proc/exit', '0');
    expect(await runStatus(run)).toBe('completed');
    await lock.release();
  });

  test('proc/exit decides: 0 completed, positive error, negative terminated', async () => {
    for (const [exit, status] of [['0', 'completed'], ['1', 'error'], ['-9', 'terminated'], ['2\n', 'error']] as const) {
      await writeMetaFile(run, 'proc/exit', exit);
      expect(await runStatus(run)).toBe(status);
    }
  });

  test('a malformed proc/exit warns and falls through', async () => {
    await init();
    await writeMetaFile(run, 'proc/exit', 'oops');
    expect(await runStatus(run)).toBe('pending');
    expect(warnings).toEqual([`Invalid exit status in "${run.metaDir}": oops`]);
  });

  test('proc/lock with a dead pid, a non-integer, or a stale run lock is terminated', async () => {
    await init();
    await writeMetaFile(run, 'proc/lock', String(await deadPid()), { writable: true });
    expect(await runStatus(run)).toBe('terminated');
    await writeMetaFile(run, 'proc/lock', 'not-a-pid', { writable: true });
    expect(await runStatus(run)).toBe('terminated');
    // A live pid that leads no process group of its own (a run of a runner that gave it none).
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    afterThis.push(() => child.kill('SIGKILL'));
    await writeMetaFile(run, 'proc/lock', String(child.pid), { writable: true });
    const lock = await lockRun(run);
    const old = (Date.now() - 60_000) / 1000;
    await utimes(`${run.runDir}.lock`, old, old); // as if its holder had died a minute ago
    expect(await runStatus(run)).toBe('terminated');
    await lock.release();
    expect(await runStatus(run)).toBe('running'); // live pid and no run lock at all
  });

  test('proc/lock holding no possible pid (2^31, 2^32, garbage) is terminated with a warning, never a throw', async () => {
    await init();
    for (const text of ['2147483648', '4294967296', '99999999999999999999', 'garbage', '0', '-5']) {
      warnings.length = 0;
      await writeMetaFile(run, 'proc/lock', text, { writable: true });
      expect(await runStatus(run)).toBe('terminated');
      expect(warnings).toEqual([`Invalid pid in "proc/lock" of "${run.metaDir}": ${text}`]);
    }
  });

  test('a run whose process ran but that nobody finalizes (runner killed, disk full) is terminated, not staged', async () => {
    await init();
    await writeRunTimestamp(run, 'staged');
    await writeRunTimestamp(run, 'started');
    expect(await runStatus(run)).toBe('staged'); // started, but the process never ran (a failed spawn): can be started again
    await writeMetaFile(run, 'output/40_run', 'out\n', { writable: true });
    const lock = await lockRun(run);
    expect(await runStatus(run)).toBe('staged'); // its runner holds the lock: finalize comes next (docs/spec/lifecycle.md 11)
    await lock.release();
    expect(await runStatus(run)).toBe('terminated'); // the runner is gone
    const stale = await lockRun(run);
    const old = (Date.now() - 60_000) / 1000;
    await utimes(`${run.runDir}.lock`, old, old);
    expect(await runStatus(run)).toBe('terminated'); // its lock went stale: the runner died
    await stale.release();
    await writeMetaFile(run, 'proc/exit', '0');
    expect(await runStatus(run)).toBe('completed');
  });

  test('a FIFO or a device as a meta file warns and is skipped, without blocking', async () => {
    await init();
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
    await init();
    // A run process leads a group of its own (@gage/proc spawns it detached); its runner was SIGKILLed.
    const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
    try {
      await writeMetaFile(run, 'proc/lock', String(child.pid), { writable: true });
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
    await init();
    await writeMetaFile(run, 'proc/exit/x', '0'); // proc/exit is a dir: EISDIR
    expect(await runStatus(run)).toBe('pending');
    expect(warnings).toEqual([expect.stringMatching(/^Cannot read "proc\/exit" in ".*aaa\.meta": EISDIR/)]);
  });
});

describe('runAttr()', () => {
  test('reads id, name, dir, timestamps and exit_code', async () => {
    await init();
    const staged = await writeRunTimestamp(run, 'staged');
    const started = await writeRunTimestamp(run, 'started');
    const stopped = await writeRunTimestamp(run, 'stopped');
    await writeMetaFile(run, 'proc/exit', '-2');
    expect(await runAttr(run, 'id')).toBe('aaa');
    expect(await runAttr(run, 'name')).toBe('babab-bopop');
    expect(await runAttr(run, 'dir')).toBe(run.runDir);
    expect(await runAttr(run, 'staged')).toBe(staged);
    expect(await runAttr(run, 'started')).toBe(started);
    expect(await runAttr(run, 'stopped')).toBe(stopped);
    expect(await runAttr(run, 'timestamp')).toBe(started);
    expect(await runAttr(run, 'exit_code')).toBe(-2);
  });

  test('timestamp is the first present of started, staged, initialized', async () => {
    await init();
    const initialized = await runAttr(run, 'timestamp');
    expect(typeof initialized).toBe('number');
    const other = (await runForMetaDir(run.metaDir))!;
    const staged = await writeRunTimestamp(other, 'staged');
    expect(await runAttr(other, 'timestamp')).toBe(staged);
  });

  test('an unknown name throws its name, even with a default', async () => {
    await expect(runAttr(run, 'label', 'x')).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_ATTR_UNKNOWN', message: 'label' });
    await expect(runAttr(run, 'initialized')).rejects.toMatchObject({ message: 'initialized' });
  });

  test('unavailable: throws its name without a default, returns the default (also undefined) otherwise', async () => {
    await expect(runAttr(run, 'stopped')).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_ATTR_MISSING', message: 'stopped' });
    expect(await runAttr(run, 'stopped', null)).toBeNull();
    expect(await runAttr(run, 'exit_code', undefined)).toBeUndefined();
    await writeMetaFile(run, 'proc/exit', 'x');
    expect(await runAttr(run, 'exit_code', 'none')).toBe('none');
    expect(warnings).toEqual([`Invalid exit status in "${run.metaDir}": x`]);
  });

  test('caches values read per run object, never defaults; clearRunAttrCache forgets', async () => {
    expect(await runAttr(run, 'stopped', 0)).toBe(0);
    const first = await writeRunTimestamp(run, 'stopped');
    expect(await runAttr(run, 'stopped', 0)).toBe(first); // the default was not cached
    await writeMetaFile(run, 'stopped', '5');
    expect(await runAttr(run, 'stopped')).toBe(first); // cached
    const fresh = (await runForMetaDir(run.metaDir)) ?? { ...run };
    expect(await runAttr(fresh, 'stopped')).toBe(5);
    clearRunAttrCache(run);
    expect(await runAttr(run, 'stopped')).toBe(5);
  });
});
