// Errors of source-code patterns (sourcecode/).
import { GageError } from '@gage/types';
import type { StageErrorCode } from './stage-error-code.js';

/**
 * A source code or config file pattern that cannot be parsed (docs/spec/stage.md 4.1):
 * `Invalid file pattern "<pattern>": <reason>`.
 *
 * @example
 * ```ts
 * throw new SourcePatternError('  ', 'no glob');
 * ```
 */
export class SourcePatternError extends GageError<StageErrorCode> {
  readonly pattern: string;

  constructor(pattern: string, reason: string) {
    super('ERR_GAGE_SOURCE_PATTERN', `Invalid file pattern ${JSON.stringify(pattern)}: ${reason}`);
    this.pattern = pattern;
  }
}
