import type { Config } from '@gage/types';

/** What {@link ConfigFormat.patch} returns. */
export interface ConfigPatchResult {
  /** The new file text (equal to the input when nothing changed). */
  text: string;
  /** Values that could not be written (the key keeps its old text), one message each. */
  warnings: string[];
}

/**
 * Reading and patching of one config file format (Python, JSON, YAML,
 * TOML). Both are pure: they take and return text.
 *
 * @example
 * ```ts
 * const format: ConfigFormat = pythonConfigFormat;
 * format.read('x = 1\n');                 // { x: 1n }
 * format.patch('x = 1\n', { x: 2n }).text; // 'x = 2\n'
 * ```
 */
export interface ConfigFormat {
  /** The format: `python`, `json`, `yaml` or `toml`. Structured formats (all but `python`) expose nested keys (decision 16). */
  readonly name: 'python' | 'json' | 'yaml' | 'toml';
  /** The config values the file defines, flat keys in file order. Throws when the text cannot be parsed. */
  read(text: string): Config;
  /** Writes `values` (only keys to set; keys the file lacks are ignored), keeping every untouched byte. */
  patch(text: string, values: Config): ConfigPatchResult;
}
