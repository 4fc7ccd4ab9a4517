// applyConfig with a JSON patcher made to disagree with the JSON reader (decision 14): the real staging
// code, the real reader, real files; only the patcher lies.
import { afterAll, expect, jest, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigValue } from '@gage/types';

const real = await import('../config/json-config.js');
jest.unstable_mockModule('../config/json-config.js', () => ({
  jsonConfigFormat: {
    ...real.jsonConfigFormat,
    patch: (text: string, values: Record<string, ConfigValue>) =>
      real.jsonConfigFormat.patch(text, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? v / 2 : v]))),
  },
}));

const { initRunMetaSync, makeRun, readMetaFileSync, runStatus } = await import('@gage/meta');
const { OpCmd, OpDef, OpRef } = await import('@gage/types');
const { cleanupTestdirs, testdir } = await import('@gage/test-utils');
const { stageRun } = await import('./stage-run.js');

afterAll(cleanupTestdirs);

test('stageRun fails with ConfigReadbackError naming file, key and both values; the run stays pending', async () => {
  const project = await testdir({ 'conf.json': '{"lr": 0.1, "epochs": 5}\n', 'op.js': '' });
  const run = await makeRun(await testdir());
  const opdef = OpDef('train', { exec: 'node op.js', config: 'conf.json' });
  initRunMetaSync(run, OpRef('p', 'train'), opdef, { lr: 0.4, epochs: 6n }, OpCmd(['node', 'op.js'], {}));
  const err = await stageRun(run, project).then(() => undefined, (e: unknown) => e);
  expect(err).toMatchObject({
    code: 'ERR_GAGE_CONFIG_READBACK',
    message: 'Config file check failed after patching:\n"conf.json": lr reads back as 0.2 (float), config.json has 0.4 (float)',
    mismatches: [{ path: 'conf.json', key: 'lr', expected: 0.4, actual: 0.2 }],
  });
  expect(await readFile(join(run.runDir, 'conf.json'), 'utf8')).toBe('{"lr": 0.2, "epochs": 6}\n');
  expect(readMetaFileSync(run, 'staged')).toBeUndefined();
  expect(await runStatus(run)).toBe('pending');
  expect(readMetaFileSync(run, 'log/runner')).toMatch(/ Config read-back failed: conf\.json lr\n/);
});
