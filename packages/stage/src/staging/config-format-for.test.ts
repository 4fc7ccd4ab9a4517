import { describe, expect, test } from '@jest/globals';
import { jsonConfigFormat } from '../config/json-config.js';
import { notebookConfigFormat } from '../config/notebook-config-format.js';
import { pythonConfigFormat } from '../config/python-config-format.js';
import { tomlConfigFormat } from '../config/toml-config.js';
import { yamlConfigFormat } from '../config/yaml-config.js';
import { configFormatFor } from './config-format-for.js';

describe('configFormatFor()', () => {
  test.each([
    ['train.py', pythonConfigFormat],
    ['conf/model.json', jsonConfigFormat],
    ['conf/data.yaml', yamlConfigFormat],
    ['data.yml', yamlConfigFormat],
    ['train.toml', tomlConfigFormat],
    ['TRAIN.PY', pythonConfigFormat],
    ['a.b/c.Toml', tomlConfigFormat],
    ['.hidden.json', jsonConfigFormat],
    ['train.ipynb', notebookConfigFormat],
    ['nb/Model.IPYNB', notebookConfigFormat],
  ])('chooses the format of %s by extension', async (path, format) => {
    expect(await configFormatFor(path)).toBe(format);
  });

  test.each(['notes.txt', 'model.pkl', '.ipynb', 'Makefile', 'conf.d/settings', '.py', '..toml', 'dir.py/file'])('has no format for %s', async (path) => {
    expect(await configFormatFor(path)).toBeUndefined();
  });
});
