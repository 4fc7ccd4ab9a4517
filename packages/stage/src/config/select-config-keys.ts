import type { ConfigPath } from './parse-config-path.js';
import { keyPatternRegExp } from './key-pattern-reg-exp.js';

/** Options of {@link selectConfigKeys}. */
export interface SelectConfigKeysOptions {
  /**
   * The file is structured (JSON, YAML, TOML): a path written without a key
   * part selects every leaf at any depth (`optimizer.lr`, `layers.0`), as
   * if it said `#**.*` (decision 16, docs/spec/wave2.md). Default false: top-level
   * names only, as for a Python file.
   */
  nested?: boolean | undefined;
}

const EVERY_KEY = keyPatternRegExp('**.*');

/**
 * Chooses the keys of one config file that a config object uses (docs/spec/stage.md
 * 5.4): a key is used when it matches at least one include key pattern and
 * no exclude key pattern among the object's config paths. Key patterns are
 * not tied to the file of their entry; choosing the files is done
 * separately (docs/spec/stage.md 5.2). A path written without `#KEY` means `*` (top-level
 * names), or every key of a structured file with `nested` (decision 16).
 *
 * @param keys - the keys the file defines, in file order
 * @param paths - the parsed config paths of one config object
 * @returns the used keys, in the order given
 * @example
 * ```ts
 * const paths = ['train.py', '-#lr'].map(parseConfigPath);
 * selectConfigKeys(['epochs', 'lr', 'opts.loud'], paths); // ['epochs']
 * selectConfigKeys(['epochs', 'opts.loud'], [parseConfigPath('train.yaml')], { nested: true }); // ['epochs', 'opts.loud']
 * ```
 */
export function selectConfigKeys(keys: readonly string[], paths: readonly ConfigPath[], options: SelectConfigKeysOptions = {}): string[] {
  const includes: RegExp[] = [];
  const excludes: RegExp[] = [];
  for (const path of paths) {
    if (path.key === undefined) continue;
    if (path.keyExclude) excludes.push(keyPatternRegExp(path.key));
    else includes.push(path.keyImplicit && options.nested ? EVERY_KEY : keyPatternRegExp(path.key));
  }
  return keys.filter((key) => includes.some((re) => re.test(key)) && !excludes.some((re) => re.test(key)));
}
