// The entry '@gage/stage/project' under Deno, against the built package.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as main from '@gage/stage';
import { findGagefile, findProjectDir, loadGagefile, readProjectConfig, resolveOperation } from '@gage/stage/project';
import { cleanupTestdirs, testdir } from '@gage/test-utils';

Deno.test('@gage/stage/project finds a project, loads its Gage file and reads its config', async () => {
  const project = await testdir();
  await writeFile(join(project, 'gage.json'), JSON.stringify({ train: { exec: 'python train.py', config: 'train.py' } }));
  await writeFile(join(project, 'train.py'), 'lr = 0.1\n');
  await mkdir(join(project, 'src'));
  const dir = await findProjectDir(join(project, 'src'), { env: {} });
  assert.equal(dir, project);
  const path = await findGagefile(project);
  assert.equal(path, join(project, 'gage.json'));
  const gagefile = await loadGagefile(path as string);
  assert.deepEqual(await readProjectConfig(project, resolveOperation(gagefile, 'train')), { lr: 0.1 });
  assert.equal(main.loadGagefile, loadGagefile);
  await cleanupTestdirs();
});
