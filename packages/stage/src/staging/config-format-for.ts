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
 * configFormatFor('.py'); // undefined (a hidden file with no extension)
 * ```
 */
export function configFormatFor(path: string): ConfigFormat | undefined {
  // Leading dots of the name start no extension (`.py` has none), as in stage.md 4.5.
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? FORMATS[name.slice(dot).toLowerCase()] : undefined;
}
