import assert from 'node:assert/strict';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSha256, initRunMetaSync, isPidAlive, LOOP_YIELD_CALLS, lockRun, makeLoopYield, makeRun, makeRunTimestamp, readManifestSync, readRunCmdSync,
  readRunConfigSync, readRunOpdefSync, runAttrSync, runLockState, runMetaPath, runStatus, scanRunFiles, writeManifest,
  writeRunTimestampSync } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';

Deno.test('makes a run, initializes its meta and reads it back under Deno', async () => {
  const runsDir = await testdir();
  try {
    const run = await makeRun(runsDir, { id: 'aaa' });
    assert.equal(await runStatus(run), 'unknown');
    const opdef = { name: 'test', data: { exec: 'python say.py', config: 'say.py' } };
    initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, { lr: 1.0, n: 3n }, { args: ['python', 'say.py'], env: {} });
    assert.equal(await runStatus(run), 'pending');
    assert.deepEqual((await readdir(run.metaDir)).sort(), [
      '__schema__',
      'config.json',
      'id',
      'initialized',
      'log',
      'opdef.json',
      'opref',
      'proc',
    ]);
    assert.equal((await stat(runMetaPath(run, 'opref'))).mode & 0o222, 0);
    assert.deepEqual(readRunConfigSync(run), { lr: 1, n: 3n });
    assert.deepEqual(readRunOpdefSync(run), opdef);
    assert.deepEqual(readRunCmdSync(run), { args: ['python', 'say.py'], env: {} });
    assert.equal(typeof runAttrSync(run, 'timestamp'), 'number');
    assert.ok(makeRunTimestamp() < makeRunTimestamp());
    assert.ok(isPidAlive(process.pid));

    await mkdir(run.runDir);
    await writeFile(join(run.runDir, 'say.py'), 'msg = "Hi there"\nprint(msg)\n');
    await scanRunFiles(run, 's');
    const sha = '3f9c639e1d6b056c071b44752ea97c694127291443065afa2689bf78ef3b8fb0';
    assert.deepEqual(await writeManifest(run), [{ type: 's', sha256: sha, path: 'say.py' }]);
    assert.deepEqual(readManifestSync(run), [{ type: 's', sha256: sha, path: 'say.py' }]);
    assert.equal(await fileSha256(join(run.runDir, 'say.py')), sha);
    writeRunTimestampSync(run, 'staged');
    assert.equal(await runStatus(run), 'staged');

    const lock = await lockRun(run);
    assert.equal(await runLockState(run), 'held');
    await assert.rejects(lockRun(run), { code: 'ERR_GAGE_RUN_LOCKED', message: 'Run "aaa" is in use by another process' });
    await lock.release();
    assert.equal(await runLockState(run), 'none');
  } finally {
    await removeTree(runsDir);
  }
});

Deno.test('makeLoopYield() gives due timers a turn under Deno too', async () => {
  const pause = makeLoopYield();
  let fired = false;
  const timer = setTimeout(() => (fired = true), 0);
  const start = performance.now();
  while (performance.now() - start < 5) {
    // let the timer fall due
  }
  // Two turns at most (one may come from the poll phase straight to the immediates).
  for (let turns = 0; turns < 2 && !fired;) {
    for (let i = 0; i < LOOP_YIELD_CALLS && !fired; i++) {
      const turn = pause();
      if (turn) {
        await turn;
        turns++;
      }
    }
  }
  clearTimeout(timer);
  assert.equal(fired, true);
});
