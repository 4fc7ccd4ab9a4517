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
 * TOML, Jupyter notebooks). Both are pure: they take and return text.
 *
 * @example
 * ```ts
 * const format: ConfigFormat = pythonConfigFormat;
 * format.read('x = 1\n');                 // { x: 1n }
 * format.patch('x = 1\n', { x: 2n }).text; // 'x = 2\n'
 * ```
 */
export interface ConfigFormat {
  /**
   * The format: `python`, `json`, `yaml`, `toml` or `notebook`. Structured
   * formats (`json`, `yaml`, `toml`) expose nested keys (decision 16);
   * `python` and `notebook` expose the names they assign.
   */
  readonly name: 'python' | 'json' | 'yaml' | 'toml' | 'notebook';
  /**
   * The config values the file defines, flat keys in file order. Throws when
   * the text cannot be parsed. `onWarning` gets each part of the file that
   * was skipped (a notebook cell that is not valid Python); the other
   * formats skip nothing.
   */
  read(text: string, onWarning?: (message: string) => void): Config;
  /** Writes `values` (only keys to set; keys the file lacks are ignored), keeping every untouched byte. */
  patch(text: string, values: Config): ConfigPatchResult;
}
