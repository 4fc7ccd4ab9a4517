import { GageError } from '@gage/types';
/**
 * A source code or config file pattern that cannot be parsed (stage.md 4.1):
 * `Invalid file pattern "<pattern>": <reason>`.
 *
 * @example
 * ```ts
 * throw new SourcePatternError('  ', 'no glob');
 * ```
 */
export declare class SourcePatternError extends GageError {
    readonly pattern: string;
    constructor(pattern: string, reason: string);
}
//# sourceMappingURL=sourcecode-errors.d.ts.map