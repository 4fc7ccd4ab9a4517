import type { ConfigFormat } from '../config/config-format.js';
import { jsonConfigFormat } from '../config/json-config.js';
import { pythonConfigFormat } from '../config/python-config-format.js';
import { tomlConfigFormat } from '../config/toml-config.js';
import { yamlConfigFormat } from '../config/yaml-config.js';

const FORMATS: Record<string, ConfigFormat> = {
  '.py': pythonConfigFormat,
  '.json': jsonConfigFormat,
  '.yaml': yamlConfigFormat,
  '.yml': yamlConfigFormat,
  '.toml': tomlConfigFormat,
};

/**
 * The config format of a file, by extension (case-insensitive): Python,
 * JSON, YAML or TOML (decision 7); `undefined` for any other file, notebooks
 * included until they arrive (stage.md 5.2, 5.7).
 *
 * @example
 * ```ts
 * configFormatFor('train.py') === pythonConfigFormat; // true
 * configFormatFor('model.ipynb'); // undefined
 * ```
 */
export function configFormatFor(path: string): ConfigFormat | undefined {
  const m = /\.[^./]+$/.exec(path);
  return m ? FORMATS[m[0].toLowerCase()] : undefined;
}
