// Summaries and scalars under Deno (decisions 19, 20).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initRunMetaSync, makeRun } from '@gage/meta';
import { execRun, finalizeRun, readRunScalarsSync } from '@gage/proc';

Deno.test('a run writes summary.json and prints scalars; finalize merges the last scalars into the metrics', async () => {
  const runsDir = await mkdtemp(join(tmpdir(), 'gage-'));
  try {
    const run = await makeRun(runsDir);
    const script =
      'for (let i = 0; i < 3; i++) console.log(`step ${i} loss ${1 / (i + 1)}`); require("fs").writeFileSync("summary.json", \'{"attributes": {"kind": "demo"}}\')';
    const args = ['node', '-e', script];
    initRunMetaSync(run, { ns: 'test', name: 'test' }, { name: 'test', data: { exec: args } }, {}, { args, env: {} });
    await Deno.mkdir(run.runDir);
    await finalizeRun(run, await execRun(run));
    assert.deepEqual(readRunScalarsSync(run).map((p) => [p.key, p.step, p.value]), [['loss', 0, 1], ['loss', 1, 0.5], ['loss', 2, 1 / 3]]);
    const summary = JSON.parse(await readFile(join(run.metaDir, 'summary.json'), 'utf8'));
    assert.deepEqual(summary, { attributes: { kind: 'demo' }, metrics: { loss: 1 / 3 } });
  } finally {
    await new Deno.Command('chmod', { args: ['-R', 'u+w', runsDir] }).output();
    await rm(runsDir, { recursive: true, force: true });
  }
});
