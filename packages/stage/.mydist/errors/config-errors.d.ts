import { GageError, type GageErrorOptions } from '@gage/types';
/**
 * A run flag that is not a valid `KEY=VALUE` assignment (stage.md 5.9). The
 * message is the parser's (`Unexpected token: 'b'`); the CLI prefixes it with
 * `Invalid flag assignment: `.
 *
 * @example
 * ```ts
 * new FlagAssignError('a', 'Missing expected token: one of EQUAL, WS_INLINE').code; // 'ERR_GAGE_FLAG'
 * ```
 */
export declare class FlagAssignError extends GageError {
    /** The argument that failed to parse. */
    readonly arg: string;
    constructor(arg: string, message: string, options?: GageErrorOptions);
}
/**
 * A config path of an opdef's `config` keys that cannot be parsed, e.g.
 * `path cannot be empty` (stage.md 5.1).
 *
 * @example
 * ```ts
 * new ConfigPathError('path cannot be empty').code; // 'ERR_GAGE_CONFIG_PATH'
 * ```
 */
export declare class ConfigPathError extends GageError {
    constructor(message: string, options?: GageErrorOptions);
}
/**
 * A JSON, YAML or TOML config file that does not parse, so no config can be
 * read from it or written into it (stage.md 5.8). `line` and `column` are
 * 1-based. Message: `Invalid YAML syntax: <reason> at line 2, column 5`.
 *
 * @example
 * ```ts
 * new ConfigSyntaxError('JSON', 'Expecting value', 1, 1).message; // 'Invalid JSON syntax: Expecting value at line 1, column 1'
 * ```
 */
export declare class ConfigSyntaxError extends GageError {
    /** The file format: `JSON`, `YAML` or `TOML`. */
    readonly format: string;
    /** 1-based line of the problem. */
    readonly line: number;
    /** 1-based column of the problem. */
    readonly column: number;
    constructor(format: string, reason: string, line: number, column: number, options?: GageErrorOptions);
}
/**
 * Config values that a config file's format cannot hold (stage.md 5.8: null
 * into TOML, a non-finite float into JSON). Raised before any file changes.
 *
 * @example
 * ```ts
 * throw new ConfigWriteError(['"train.toml": lr: cannot write null to a TOML file (TOML has no null)']);
 * ```
 */
export declare class ConfigWriteError extends GageError {
    /** One line per value: `"<file>": <key>: <why>`. */
    readonly problems: readonly string[];
    constructor(problems: readonly string[]);
}
//# sourceMappingURL=config-errors.d.ts.map