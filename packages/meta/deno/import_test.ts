import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findForeignRuns, importRuns, listRuns, readRunConfigSync, runStatus } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/import/', import.meta.url));

Deno.test('imports Gage (Python) zips and Guild runs under Deno', async () => {
  const tmp = await testdir();
  try {
    const src = join(tmp, 'src');
    await cp(join(FIXTURES, 'gage-py'), src, { recursive: true });
    await cp(join(FIXTURES, 'guild'), src, { recursive: true });
    assert.equal((await findForeignRuns(src)).length, 7);
    const runsDir = join(tmp, 'runs');
    const result = await importRuns(src, runsDir);
    assert.deepEqual(result.skipped, []);
    assert.equal(result.imported.length, 7);
    const runs = await listRuns(runsDir);
    const guild = runs.find((r) => r.id === '9a1b2c3d4e5f40718293a4b5c6d7e801')!;
    assert.equal(readRunConfigSync(guild)['epochs'], 10n);
    assert.equal(await runStatus(guild), 'completed');
    const py = runs.find((r) => r.id === '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c001')!;
    assert.equal(readRunConfigSync(py)['lr'], 1.0);
    assert.equal(await readFile(join(py.metaDir, 'output', '40_run'), 'utf8'), 'epoch 1 loss=0.5\népreuve terminée ✓\n');
  } finally {
    await removeTree(tmp);
  }
});
