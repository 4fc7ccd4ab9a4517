import type { ConfigPath } from './parse-config-path.js';
/**
 * Chooses the keys of one config file that a config object uses (stage.md
 * 5.4): a key is used when it matches at least one include key pattern and
 * no exclude key pattern among the object's config paths. Key patterns are
 * not tied to the file of their entry; choosing the files is done
 * separately (stage.md 5.2).
 *
 * @param keys - the keys the file defines, in file order
 * @param paths - the parsed config paths of one config object
 * @returns the used keys, in the order given
 * @example
 * ```ts
 * const paths = ['train.py', '-#lr'].map(parseConfigPath);
 * selectConfigKeys(['epochs', 'lr', 'opts.loud'], paths); // ['epochs']
 * ```
 */
export declare function selectConfigKeys(keys: readonly string[], paths: readonly ConfigPath[]): string[];
//# sourceMappingURL=select-config-keys.d.ts.map