import type { ConfigFormat } from '../config/config-format.js';

/** Each format's module, imported on first use: most runs need none or one of the parsers (YAML, Python, TOML). */
const FORMATS: Record<string, () => Promise<ConfigFormat>> = {
  '.py': async () => (await import('../config/python-config-format.js')).pythonConfigFormat,
  '.json': async () => (await import('../config/json-config.js')).jsonConfigFormat,
  '.yaml': async () => (await import('../config/yaml-config.js')).yamlConfigFormat,
  '.yml': async () => (await import('../config/yaml-config.js')).yamlConfigFormat,
  '.toml': async () => (await import('../config/toml-config.js')).tomlConfigFormat,
};

/**
 * The config format of a file, by extension (case-insensitive): Python,
 * JSON, YAML or TOML (decision 7); `undefined` for any other file, notebooks
 * included until they arrive (stage.md 5.2, 5.7). Asynchronous because each
 * format's parser is loaded only when a file of that format is configured
 * (`gage run` start-up).
 *
 * @example
 * ```ts
 * (await configFormatFor('train.py')) === pythonConfigFormat; // true
 * await configFormatFor('model.ipynb'); // undefined
 * await configFormatFor('.py'); // undefined (a hidden file with no extension)
 * ```
 */
export async function configFormatFor(path: string): Promise<ConfigFormat | undefined> {
  // Leading dots of the name start no extension (`.py` has none), as in stage.md 4.5.
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? FORMATS[name.slice(dot).toLowerCase()]?.() : undefined;
}
