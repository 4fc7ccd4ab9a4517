import assert from 'node:assert/strict';
import { initRunMetaSync, makeRun, readMetaFileSync, runStatus, writeRunTimestampSync } from '@gage/meta';
import { execRun, finalizeRun, stopRun } from '@gage/proc';
import { removeTree, testdir, waitFor } from '@gage/test-utils';

Deno.test('stopRun stops a running run under Deno; its runner finalizes it terminated', async () => {
  const runsDir = await testdir();
  try {
    const run = await makeRun(runsDir);
    const args = ['sleep', '600'];
    initRunMetaSync(run, { ns: 'test', name: 'test' }, { name: 'test', data: { exec: args } }, {}, { args, env: {} });
    await Deno.mkdir(run.runDir);
    writeRunTimestampSync(run, 'staged');
    const runner = execRun(run).then((status) => finalizeRun(run, status));
    await waitFor(async () => (await runStatus(run)) === 'running');
    const result = await stopRun(run);
    assert.equal(result.signal, 'SIGTERM');
    assert.equal(result.finalizedBy, 'runner');
    await runner;
    assert.equal(readMetaFileSync(run, 'proc/exit'), '-15');
    assert.equal(await runStatus(run), 'terminated');
    assert.deepEqual(await stopRun(run), { pid: undefined, signal: undefined, finalizedBy: undefined });
  } finally {
    await removeTree(runsDir);
  }
});
