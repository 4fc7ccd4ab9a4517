import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveRunsDir, copyRuns, initRunMetaSync, listArchives, listRuns, makeRun, moveRuns, scanRunFiles, writeManifest, writeRunTimestampSync,
  writeMetaFileSync } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';

Deno.test('archives runs and copies finished runs under Deno', async () => {
  const tmp = await testdir();
  try {
    const runsDir = join(tmp, 'runs');
    const run = await makeRun(runsDir, { id: 'aaa' });
    initRunMetaSync(run, { ns: 'test', name: 'test' }, { name: 'test', data: {} }, {}, { args: ['true'], env: {} });
    await mkdir(run.runDir);
    await writeFile(join(run.runDir, 'out.txt'), 'result');
    await scanRunFiles(run, 'g');
    await writeManifest(run);
    for (const name of ['staged', 'started', 'stopped'] as const) writeRunTimestampSync(run, name);
    writeMetaFileSync(run, 'proc/exit', '0');

    const copied = await copyRuns([run], join(tmp, 'backup'));
    assert.deepEqual(copied.copied.map((r) => r.id), ['aaa']);
    assert.deepEqual((await copyRuns([run], join(tmp, 'backup'))).upToDate.map((r) => r.id), ['aaa']);
    assert.deepEqual((await readdir(join(tmp, 'backup'))).sort(), ['aaa', 'aaa.meta']);

    await moveRuns([run], archiveRunsDir(runsDir, 'old'));
    assert.deepEqual((await listArchives(runsDir)).map((a) => [a.name, a.runs]), [['old', 1]]);
    assert.deepEqual(await listRuns(runsDir), []);
    assert.throws(() => archiveRunsDir(runsDir, '../x'), { code: 'ERR_GAGE_ARCHIVE_NAME' });
  } finally {
    await removeTree(tmp);
  }
});
