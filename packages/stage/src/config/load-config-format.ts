import type { ConfigFormat } from './config-format.js';

/** The config file formats Gage reads and patches (decision 7; notebooks: docs/spec/stage.md 5.7). */
export type ConfigFormatName = ConfigFormat['name'];

/**
 * Each format's module, imported on first use. The format modules (and the
 * parsers they import: `@lezer/python`, `yaml`, `smol-toml`) are reachable
 * from the package's main entry only through these dynamic imports, so a
 * `gage run` with no config file of a format never loads its parser.
 */
const LOADERS: Readonly<Record<ConfigFormatName, () => Promise<ConfigFormat>>> = {
  python: async () => (await import('./python-config-format.js')).pythonConfigFormat,
  json: async () => (await import('./json-config.js')).jsonConfigFormat,
  yaml: async () => (await import('./yaml-config.js')).yamlConfigFormat,
  toml: async () => (await import('./toml-config.js')).tomlConfigFormat,
  notebook: async () => (await import('./notebook-config-format.js')).notebookConfigFormat,
};

/**
 * The {@link ConfigFormat} of a format name, its module (and parser) loaded
 * on first use: `pythonConfigFormat`, `jsonConfigFormat`, `yamlConfigFormat`,
 * `tomlConfigFormat` or `notebookConfigFormat`, the same objects `@gage/stage/config-formats`
 * exports. Use this (or `configFormatFor(path)`) instead of importing the
 * format objects when most calls need no or one format: importing
 * `@gage/stage/config-formats` loads every parser (~500 KB of JavaScript).
 *
 * @throws {TypeError} for a name that is not a format (`'ini'`).
 * @example
 * ```ts
 * const toml = await loadConfigFormat('toml'); // loads smol-toml, not yaml or @lezer/python
 * toml.read('[train]\nlr = 0.1\n');            // { 'train.lr': 0.1 }
 * toml.patch('lr = 0.1\n', { lr: 1n }).text;   // 'lr = 1\n'
 * ```
 */
export async function loadConfigFormat(name: ConfigFormatName): Promise<ConfigFormat> {
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  if (load === undefined) throw new TypeError(`unknown config format "${String(name)}" (python, json, yaml, toml or notebook)`);
  return load();
}
