import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { selectConfigFiles } from './select-config-files.js';

afterAll(cleanupTestdirs);

describe('selectConfigFiles (docs/spec/stage.md 5.2)', () => {
  const tree = {
    'train.py': '',
    'big.py': 'x'.repeat(200_000),
    'blob.json': Uint8Array.from([0, 0xff, 0]),
    'conf/a.yaml': '',
    'conf/sub/b.yaml': '',
    'other/train.py': '',
    'other/conf/c.yaml': '',
    '.hidden/train.py': '',
    'summary.json': '{}',
  };

  test('a plain file pattern selects the top-level file only; no type or size limits', async () => {
    const dir = await testdir(tree);
    expect(await selectConfigFiles(dir, ['train.py'])).toEqual(['train.py']);
    expect(await selectConfigFiles(dir, ['big.py', 'blob.json', 'summary.json'])).toEqual(['big.py', 'blob.json', 'summary.json']);
  });

  test('a pattern naming a directory scans it', async () => {
    const dir = await testdir(tree);
    expect(await selectConfigFiles(dir, ['conf/**/*.yaml'])).toEqual(['conf/a.yaml', 'conf/sub/b.yaml']);
  });

  test('a wildcard first segment scans every non-hidden directory', async () => {
    const dir = await testdir(tree);
    expect(await selectConfigFiles(dir, ['**/train.py'])).toEqual(['other/train.py', 'train.py']);
    expect(await selectConfigFiles(dir, ['*/train.py'])).toEqual(['other/train.py']);
    expect(await selectConfigFiles(dir, ['**/*.yaml'])).toEqual(['conf/a.yaml', 'conf/sub/b.yaml', 'other/conf/c.yaml']);
  });

  test('only top-level directories are pruned; a hidden one is scanned when named', async () => {
    const dir = await testdir(tree);
    expect(await selectConfigFiles(dir, ['other/**/*.yaml'])).toEqual(['other/conf/c.yaml']);
    expect(await selectConfigFiles(dir, ['.hidden/train.py'])).toEqual(['.hidden/train.py']);
  });

  test('exclude patterns remove files', async () => {
    const dir = await testdir(tree);
    expect(await selectConfigFiles(dir, ['**/*.yaml', '-conf/sub/b.yaml'])).toEqual(['conf/a.yaml', 'other/conf/c.yaml']);
    expect(await selectConfigFiles(dir, ['**/*.yaml', '-other dir'])).toEqual(['conf/a.yaml', 'conf/sub/b.yaml']);
    expect(await selectConfigFiles(dir, ['-train.py'])).toEqual([]);
    expect(await selectConfigFiles(dir, [])).toEqual([]);
  });

  test('the runs dir is never scanned', async () => {
    const dir = await testdir({ 'a.yaml': '', 'runs/r1/a.yaml': '' });
    expect(await selectConfigFiles(dir, ['**/*.yaml'], { runsDir: join(dir, 'runs') })).toEqual(['a.yaml']);
  });
});
