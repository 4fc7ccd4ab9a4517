import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { OpCmd, OpDef, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMetaSync } from '../run/init-run-meta-sync.js';
import { makeRun } from '../run/make-run.js';
import { runProcessPid } from './run-process-pid.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';

let tmp: string;
let run: Run;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
  initRunMetaSync(run, { ns: 't', name: 't' }, OpDef('t', {}), {}, OpCmd(['a']));
});
afterEach(async () => {
  await removeTree(tmp);
});

describe('runProcessPid()', () => {
  test('is the pid in proc/lock while that process lives and leads its own group', async () => {
    expect(runProcessPid(run)).toBeUndefined(); // no proc/lock
    const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });
    try {
      writeMetaFileSync(run, 'proc/lock', String(child.pid), { writable: true });
      expect(runProcessPid(run)).toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(runProcessPid(run)).toBeUndefined(); // gone
  });

  test('is undefined for a live process that leads no group (never signal a stranger) and for damaged text', async () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeMetaFileSync(run, 'proc/lock', String(child.pid), { writable: true });
      expect(runProcessPid(run)).toBeUndefined();
      for (const text of ['garbage', '0', '1', '-5', '2147483648']) {
        writeMetaFileSync(run, 'proc/lock', text, { writable: true });
        expect(runProcessPid(run)).toBeUndefined();
      }
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
});
