import { type Config } from '@gage/types';
/**
 * Writes new config values into Python source (stage.md 5.11), changing
 * only the text of literals whose value differs with its type taken into
 * account (`1` and `1.0` differ); every other character stays as it was
 * (comments, spacing, line endings). Strings keep their prefix, quote
 * character and triple quoting; a raw string that cannot hold the value
 * loses its `r`. Other values are written as Python literals (floats as
 * `repr`, non-finite as `float("inf")`). For a chain `a = b = 1` the value
 * of the last changed name is written. Keys the source lacks are ignored.
 *
 * @param source - the Python source text
 * @param values - the keys to set
 * @returns the new source (the same string when nothing changed)
 * @throws {ConfigSyntaxError} `ERR_GAGE_CONFIG_SYNTAX` when the source is not valid Python
 * @example
 * ```ts
 * patchPythonConfig('msg = "Hi there"\nprint(msg)\n', { msg: 'Ho there' });
 * // 'msg = "Ho there"\nprint(msg)\n'
 * ```
 */
export declare function patchPythonConfig(source: string, values: Config): string;
//# sourceMappingURL=patch-python-config.d.ts.map