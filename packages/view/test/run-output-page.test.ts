import { afterAll, expect, test } from '@jest/globals';
import { appendFile, chmod, readFile, writeFile } from 'node:fs/promises';
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

/** Index records `[epoch ms, stream]`, 9 bytes each (docs/spec/lifecycle.md 9). */
function records(...list: [number, number][]): Buffer {
  const bytes = Buffer.alloc(list.length * 9);
  list.forEach(([ts, stream], i) => {
    bytes.writeBigUInt64BE(BigInt(ts), i * 9);
    bytes[i * 9 + 8] = stream;
  });
  return bytes;
}

test('asked from where the last page ended, only what was written since is read, not the output from its start', async () => {
  const run = await makeFinishedRun(await testdir(), { lr: 0 }, { steps: 3 });
  const output = join(run.metaDir, 'output', '40_run');
  await chmod(output, 0o644);
  await chmod(`${output}.index`, 0o644);
  const first = await runOutputPage(run, 0);
  expect(first.next).toBe(4);
  // The first LF made an X: read again from the start, the first two lines would be one and every line number one less.
  const text = await readFile(output, 'utf8');
  await writeFile(output, text.replace('\n', 'X'));
  await appendFile(output, 'more\n');
  await appendFile(`${output}.index`, records([Date.now(), 0]));
  const next = await runOutputPage(run, first.next);
  expect(next.lines.map((l) => l[2])).toEqual(['more']);
  expect(next.next).toBe(5);
});

test('an output written again from its start (a restarted run) is read from its start', async () => {
  const run = await makeFinishedRun(await testdir(), { lr: 0 }, { steps: 1 });
  const output = join(run.metaDir, 'output', '40_run');
  await chmod(output, 0o644);
  await chmod(`${output}.index`, 0o644);
  const first = await runOutputPage(run, 0);
  expect(first.next).toBe(2);
  const t = Date.now() + 1000;
  await writeFile(output, 'again 0\nagain 1\nagain 2\n');
  await writeFile(`${output}.index`, records([t, 0], [t + 1, 0], [t + 2, 1]));
  expect(await runOutputPage(run, first.next)).toEqual({ lines: [[t + 2, 1, 'again 2']], next: 3 });
});
