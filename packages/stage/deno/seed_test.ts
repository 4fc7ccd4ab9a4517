// The founding scenario under Deno, against the built packages.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, OpRef } from '@gage/types';
import { initRunMetaSync, makeRun, runMetaDir, runMetaPath, runStatus } from '@gage/meta';
import { openRunOutput, startRun } from '@gage/proc';
import { stageRun } from '@gage/stage';
import { cleanupTestdirs, listFiles, testdir } from '@gage/test-utils';

Deno.test('seed: stage, start and capture two runs under Deno', async () => {
  const project = await testdir();
  const runsHome = await testdir();
  await writeFile(join(project, 'say.py'), 'msg = "Hi there"\nprint(msg)\n');
  const opdef = OpDef('test', { exec: 'python say.py', config: 'say.py' });

  for (const [config, expected] of [[{}, 'Hi there\n'], [{ msg: 'Ho there' }, 'Ho there\n']] as const) {
    const run = await makeRun(runsHome);
    initRunMetaSync(run, OpRef('test', 'test'), opdef, config, OpCmd(['python', 'say.py'], {}));
    await stageRun(run, project);
    assert.deepEqual(await listFiles(run.runDir), ['say.py']);
    const p = await startRun(run);
    const output = await openRunOutput(run, p);
    assert.equal(await p.wait(), 0);
    await output.waitAndClose();
    assert.deepEqual(await listFiles(runMetaDir(run)), [
      '__schema__',
      'config.json',
      'id',
      'initialized',
      'log/files',
      'log/patched',
      'log/runner',
      'manifest',
      'opdef.json',
      'opref',
      'output/40_run',
      'output/40_run.index',
      'proc/cmd',
      'proc/env',
      'staged',
    ]);
    assert.equal(await readFile(runMetaPath(run, 'output', '40_run'), 'utf8'), expected);
    assert.equal(await runStatus(run), 'staged');
  }
  assert.equal(await readFile(join(project, 'say.py'), 'utf8'), 'msg = "Hi there"\nprint(msg)\n');
  await cleanupTestdirs();
});
