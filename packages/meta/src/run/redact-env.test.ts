import { afterAll, describe, expect, test } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpCmd, OpDef, OpRef } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { initRunMetaSync } from './init-run-meta-sync.js';
import { makeRun } from './make-run.js';
import { isSecretEnvName, redactEnv, withoutRedacted } from './redact-env.js';

afterAll(cleanupTestdirs);

describe('redactEnv() (decision 18)', () => {
  test('replaces the values of names with TOKEN, SECRET, PASSWORD, KEY or CREDENTIAL, any case', () => {
    expect(redactEnv({ HF_TOKEN: 'a', db_password: 'b', AWS_SECRET_ACCESS_KEY: 'c', api_key: 'd', GCP_CREDENTIALS: 'e', SEED: '1' })).toEqual({
      HF_TOKEN: '<redacted>',
      db_password: '<redacted>',
      AWS_SECRET_ACCESS_KEY: '<redacted>',
      api_key: '<redacted>',
      GCP_CREDENTIALS: '<redacted>',
      SEED: '1',
    });
    expect(isSecretEnvName('EPOCHS')).toBe(false);
  });

  test('withoutRedacted() drops the placeholders and keeps the rest', () => {
    expect(withoutRedacted({ HF_TOKEN: '<redacted>', SEED: '1' })).toEqual({ SEED: '1' });
  });

  test('initRunMetaSync never writes a secret value anywhere in the meta dir', async () => {
    const run = await makeRun(await testdir());
    initRunMetaSync(run, OpRef('p', 'op'), OpDef('op', {}), {}, OpCmd(['node', 'x.js'], { WANDB_API_KEY: 'sk-live-123', LR: '0.1' }));
    expect(await readFile(join(run.metaDir, 'proc', 'env'), 'utf8')).toBe('{\n  "LR": "0.1",\n  "WANDB_API_KEY": "<redacted>"\n}');
    const files = (await readdir(run.metaDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    for (const f of files) expect(await readFile(join(f.parentPath, f.name), 'utf8')).not.toContain('sk-live-123');
  });
});
