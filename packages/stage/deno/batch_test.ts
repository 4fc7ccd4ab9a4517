import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBatchCsv, parseRunFlag, planTrials, readBatchFile } from '@gage/stage';

Deno.test('readBatchFile() and planTrials(): two batch files and a sweep multiply, the first varying slowest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gage-batch-'));
  try {
    await writeFile(join(dir, 'x.csv'), '\ufeffx\r\n1\r\n2\r\n');
    await writeFile(join(dir, 'y.json'), '[{"y": 4}, {"y": 5.0}]');
    const batches = [await readBatchFile('x.csv', { cwd: dir }), await readBatchFile('y.json', { cwd: dir })];
    const plan = planTrials([parseRunFlag('z=[a,b]')], { batches });
    assert.equal(plan.search, 'grid');
    assert.deepEqual(plan.trials.map((t) => t.map((f) => f.text).join(' ')), [
      '1 4 a',
      '1 4 b',
      '1 5.0 a',
      '1 5.0 b',
      '2 4 a',
      '2 4 b',
      '2 5.0 a',
      '2 5.0 b',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

Deno.test('planTrials(): the same seed gives the same random trials under Deno as under Node', () => {
  const plan = planTrials([parseRunFlag('n=randint[1:1000]'), parseRunFlag('lr=loguniform[1e-4:1e-1]')], { randomSeed: 42, maxRuns: 3 });
  assert.equal(plan.seed, 42);
  assert.deepEqual(plan.trials.map((t) => t[0]?.value), RANDINT_SEED_42);
});

Deno.test('parseBatchCsv(): quoting, empty cells and duplicate headers', () => {
  assert.deepEqual(parseBatchCsv('a,b\n"1,2",\n', 'b.csv'), [[{ name: 'a', value: '1,2', text: '1,2' }]]);
  assert.throws(() => parseBatchCsv('a,a\n1,2\n', 'b.csv'), { code: 'ERR_GAGE_BATCH_FILE_READ' });
});

/** What Node draws for seed 42 (plan-trials.test.ts checks the same numbers). */
const RANDINT_SEED_42: bigint[] = [911n, 783n, 460n];
