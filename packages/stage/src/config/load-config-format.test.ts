import { describe, expect, test } from '@jest/globals';
import type { ConfigFormatName } from './load-config-format.js';
import { jsonConfigFormat } from './json-config.js';
import { loadConfigFormat } from './load-config-format.js';
import { notebookConfigFormat } from './notebook-config-format.js';
import { pythonConfigFormat } from './python-config-format.js';
import { tomlConfigFormat } from './toml-config.js';
import { yamlConfigFormat } from './yaml-config.js';

describe('loadConfigFormat()', () => {
  test.each([
    ['python', pythonConfigFormat],
    ['json', jsonConfigFormat],
    ['yaml', yamlConfigFormat],
    ['toml', tomlConfigFormat],
    ['notebook', notebookConfigFormat],
  ] as const)('loads the %s format', async (name, format) => {
    expect(await loadConfigFormat(name)).toBe(format);
  });

  test('reads and patches with the loaded format', async () => {
    const toml = await loadConfigFormat('toml');
    expect(toml.read('[train]\nlr = 0.1\n')).toEqual({ 'train.lr': 0.1 });
    expect(toml.patch('lr = 0.1\n', { lr: 1n }).text).toBe('lr = 1\n');
  });

  test.each(['ini', 'py', 'ipynb', '', 'toString', '__proto__'])('rejects the unknown format name %j', async (name) => {
    await expect(loadConfigFormat(name as ConfigFormatName)).rejects.toThrow(TypeError);
  });
});
