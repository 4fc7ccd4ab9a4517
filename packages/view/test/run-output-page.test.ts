import { afterAll, expect, test } from '@jest/globals';
import { appendFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { runOutputPage } from '../src/index.js';
import { makeFinishedRun } from './make-runs.js';

afterAll(cleanupTestdirs);

test('a line being written (no index record yet) is not sent; the page ends before it', async () => {
  const run = await makeFinishedRun(await testdir(), { lr: 0 }, { steps: 1 });
  const output = join(run.metaDir, 'output', '40_run');
  await chmod(output, 0o644);
  await appendFile(output, 'half a li');
  const page = await runOutputPage(run, 0);
  expect(page.lines.map((l) => l[2])).toEqual(['step 0 loss 1', 'a warning']);
  expect(page.next).toBe(2);
  expect(await runOutputPage(run, page.next)).toEqual({ lines: [], next: 2 });
});

test('a page starts at from; a bad name or a missing output gives no lines', async () => {
  const run = await makeFinishedRun(await testdir(), { lr: 0 }, { steps: 3 });
  expect((await runOutputPage(run, 2)).lines.map((l) => l[2])).toEqual(['step 2 loss 0.3333333333333333', 'a warning']);
  expect(await runOutputPage(run, 0, { name: '../40_run' })).toEqual({ lines: [], next: 0 });
  expect(await runOutputPage(run, 0, { name: '50_finalize' })).toEqual({ lines: [], next: 0 });
});
