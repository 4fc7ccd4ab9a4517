import type { ConfigFormat } from '../config/config-format.js';
import { type ConfigFormatName, loadConfigFormat } from '../config/load-config-format.js';

const FORMAT_NAMES: Readonly<Record<string, ConfigFormatName>> = {
  '.py': 'python',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.ipynb': 'notebook',
};

/**
 * The config format of a file, by extension (case-insensitive): Python,
 * JSON, YAML, TOML (decision 7) or a Jupyter notebook (`.ipynb`,
 * docs/spec/stage.md 5.7); `undefined` for any other file (docs/spec/stage.md 5.2). Asynchronous because each
 * format's module and parser is loaded only when a file of that format is
 * configured (`loadConfigFormat`; `gage run` start-up).
 *
 * @example
 * ```ts
 * (await configFormatFor('train.py')) === pythonConfigFormat; // true
 * (await configFormatFor('train.ipynb')) === notebookConfigFormat; // true
 * await configFormatFor('model.pkl'); // undefined
 * await configFormatFor('.py'); // undefined (a hidden file with no extension)
 * ```
 */
export async function configFormatFor(path: string): Promise<ConfigFormat | undefined> {
  // Leading dots of the name start no extension (`.py` has none), as in docs/spec/stage.md 4.5.
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const format = Object.hasOwn(FORMAT_NAMES, ext) ? FORMAT_NAMES[ext] : undefined;
  return format === undefined ? undefined : loadConfigFormat(format);
}
