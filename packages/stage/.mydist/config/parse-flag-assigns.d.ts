import type { Config } from '@gage/types';
/**
 * Parses run flags into a config with {@link parseFlagAssign}; when a key
 * appears more than once the last value wins.
 *
 * @param args - `KEY=VALUE` arguments
 * @returns the flags as a config
 * @throws {FlagAssignError} `ERR_GAGE_FLAG` for the first invalid argument
 * @example
 * ```ts
 * parseFlagAssigns(['x=1', 'y=a', 'x=2.0']); // { x: 2.0, y: 'a' }
 * ```
 */
export declare function parseFlagAssigns(args: readonly string[]): Config;
//# sourceMappingURL=parse-flag-assigns.d.ts.map