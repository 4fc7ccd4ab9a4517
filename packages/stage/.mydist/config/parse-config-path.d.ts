/** A parsed config path `[-]FILE_GLOB[#KEY_PATTERN]` (stage.md 5.1). */
export interface ConfigPath {
    /** The file glob; absent for `#KEY` paths. */
    file?: string;
    /** True when the path excludes its file (`-train.py`, no key part). */
    fileExclude: boolean;
    /** The key pattern: `*` for a plain include file path, `""` for `op.py#`; absent for an excluded file. */
    key?: string;
    /** True when the path excludes keys (any path written with a leading `-`). */
    keyExclude: boolean;
}
/**
 * Parses one entry of a config object's `keys` (stage.md 5.1). A leading
 * `-` (plus any spaces) excludes, a leading `\-` is a literal `-`; the text
 * splits at the first `#` into file glob and key pattern. An excluded path
 * with a key part never excludes its file; it only removes keys.
 *
 * @param text - the config path
 * @returns the parsed path
 * @throws {ConfigPathError} `ERR_GAGE_CONFIG_PATH` `path cannot be empty` for `""`
 * @example
 * ```ts
 * parseConfigPath('train.py');   // { file: 'train.py', fileExclude: false, key: '*', keyExclude: false }
 * parseConfigPath('-#x');        // { fileExclude: false, key: 'x', keyExclude: true }
 * parseConfigPath('-train.py');  // { file: 'train.py', fileExclude: true, keyExclude: true }
 * ```
 */
export declare function parseConfigPath(text: string): ConfigPath;
//# sourceMappingURL=parse-config-path.d.ts.map