import { ConfigPathError } from '../errors.js';

/** A parsed config path `[-]FILE_GLOB[#KEY_PATTERN]` (docs/spec/stage.md 5.1). */
export interface ConfigPath {
  /** The file glob; absent for `#KEY` paths. */
  file?: string;
  /** True when the path excludes its file (`-train.py`, no key part). */
  fileExclude: boolean;
  /** The key pattern: `*` for a plain include file path, `""` for `op.py#`; absent for an excluded file. */
  key?: string;
  /** True when the path excludes keys (any path written with a leading `-`). */
  keyExclude: boolean;
  /**
   * Present (true) when `key` was not written (`train.yaml`, no `#`): such a
   * path selects every leaf of a JSON, YAML or TOML file, top-level names of
   * a Python file (decision 16, docs/spec/wave2.md).
   */
  keyImplicit?: true;
}

const EXCLUDE = /^-\s*/;

/**
 * Parses one entry of a config object's `keys` (docs/spec/stage.md 5.1). A leading
 * `-` (plus any spaces) excludes, a leading `\-` is a literal `-`; the text
 * splits at the first `#` into file glob and key pattern. An excluded path
 * with a key part never excludes its file; it only removes keys.
 *
 * @param text - the config path
 * @returns the parsed path
 * @throws {ConfigPathError} `ERR_GAGE_CONFIG_PATH` `path cannot be empty` for `""`
 * @example
 * ```ts
 * parseConfigPath('train.py');   // { file: 'train.py', fileExclude: false, key: '*', keyExclude: false, keyImplicit: true }
 * parseConfigPath('-#x');        // { fileExclude: false, key: 'x', keyExclude: true }
 * parseConfigPath('-train.py');  // { file: 'train.py', fileExclude: true, keyExclude: true }
 * ```
 */
export function parseConfigPath(text: string): ConfigPath {
  if (text === '') throw new ConfigPathError('path cannot be empty');
  let rest = text;
  let exclude = false;
  if (rest.startsWith('\\-')) rest = rest.slice(1);
  else if (EXCLUDE.test(rest)) {
    exclude = true;
    rest = rest.replace(EXCLUDE, '');
  }
  const hash = rest.indexOf('#');
  const filePart = hash === -1 ? rest : rest.slice(0, hash);
  const key = hash !== -1 ? rest.slice(hash + 1) : exclude ? undefined : '*';
  return {
    ...(filePart === '' ? {} : { file: filePart }),
    fileExclude: filePart !== '' && exclude && hash === -1,
    ...(key === undefined ? {} : { key }),
    keyExclude: exclude,
    ...(hash === -1 && !exclude ? { keyImplicit: true as const } : {}),
  };
}
