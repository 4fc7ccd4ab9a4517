import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteRuns, initRunMetaSync, listRuns, logUserAttrs, makeRun, purgeRuns, restoreRuns, runUserAttrs, selectOneRun, selectRuns } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';

const opdef = { name: 'test', data: { exec: 'node say.js' } };
const cmd = { args: ['node', 'say.js'], env: {} };

Deno.test('lists, selects, labels, deletes, restores and purges runs under Deno', async () => {
  const runsDir = await testdir();
  try {
    const first = await makeRun(runsDir, { id: 'abc' });
    initRunMetaSync(first, { ns: 'test', name: 'test' }, opdef, {}, cmd);
    const second = await makeRun(runsDir, { id: 'abcd' });
    initRunMetaSync(second, { ns: 'test', name: 'other' }, opdef, {}, cmd);

    const runs = await listRuns(runsDir, { sort: ['-timestamp'] });
    assert.deepEqual(runs.map((r) => r.id), ['abcd', 'abc']);
    assert.deepEqual(runs[1]?.opref, { ns: 'test', name: 'test' });
    assert.equal(selectOneRun(runs).id, 'abcd');
    assert.deepEqual(selectRuns(runs, ['-1:']).map((r) => r.id), ['abc']);
    assert.throws(() => selectOneRun(runs, 'abc'), { message: "'abc' matches 2 runs" });

    await logUserAttrs(first, { label: 'first', n: 1n });
    assert.deepEqual(await runUserAttrs(first), { label: 'first', n: 1n });

    const deleted = await deleteRuns([first]);
    assert.deepEqual((await listRuns(runsDir)).map((r) => r.id), ['abcd']);
    await restoreRuns(deleted);
    deleted.splice(0, 1, ...(await deleteRuns([first])));
    await purgeRuns(deleted);
    assert.deepEqual((await readdir(runsDir)).sort(), ['abcd.meta']);
  } finally {
    await removeTree(runsDir);
  }
});
