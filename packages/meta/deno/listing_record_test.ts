import assert from 'node:assert/strict';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, listRuns, makeRun, readListingRecordSync, recordedTextSync, writeListingRecordSync, writeMetaFileSync,
  writeRunTimestampSync } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';

const opdef = { name: 'test', data: { exec: 'node say.js' } };
const cmd = { args: ['node', 'say.js'], env: {} };

Deno.test('writes, reads and lists from the listing record under Deno; a summarized write removes it', async () => {
  const runsDir = await testdir();
  try {
    const run = await makeRun(runsDir, { id: 'abc' });
    initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, { n: 1n }, cmd);
    writeRunTimestampSync(run, 'started');
    assert.equal(writeListingRecordSync(run), false); // no exit code yet
    writeMetaFileSync(run, 'proc/exit', '0');
    assert.equal(writeListingRecordSync(run), true);
    const record = readListingRecordSync(run.metaDir);
    assert.equal(record?.files['proc/exit'], '0');
    assert.equal(record?.files.opref, '2 test test');
    assert.equal(record?.files['summary.json'], null);
    assert.equal(record && recordedTextSync(run.metaDir, record, 'opref'), '2 test test');
    await rename(join(run.metaDir, 'opref'), join(runsDir, 'opref'));
    assert.equal(record && recordedTextSync(run.metaDir, record, 'opref'), undefined); // changed since: read the file
    assert.deepEqual((await listRuns(runsDir))[0], { id: 'abc', name: (await listRuns(runsDir))[0]?.name, runDir: run.runDir, metaDir: run.metaDir,
      opref: undefined });
    await rename(join(runsDir, 'opref'), join(run.metaDir, 'opref'));
    writeMetaFileSync(run, 'summary.json', '{}');
    assert.equal(readListingRecordSync(run.metaDir), undefined);
  } finally {
    await removeTree(runsDir);
  }
});
