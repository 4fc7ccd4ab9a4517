import { GageError } from '@gage/types';
import type { MetaErrorCode } from '../errors.js';

/**
 * A `--where` expression that cannot be used (decision 21): its syntax, an
 * unknown operator, or a comparison that can never work (a text column
 * compared with a number). `position` is the 0-based offset of the
 * problem. The CLI prints `gage: Cannot use where expression '<expr>':
 * <message>`.
 *
 * @example
 * ```ts
 * new FilterSyntaxError('lr >', 'expected a value after >', 4).message;
 * // "expected a value after > (at position 5)"
 * ```
 */
export class FilterSyntaxError extends GageError<MetaErrorCode> {
  /** The whole expression. */
  readonly expression: string;
  /** 0-based offset of the problem in `expression`. */
  readonly position: number;
  /** The problem, without the position. */
  readonly reason: string;

  constructor(expression: string, reason: string, position: number) {
    super('ERR_GAGE_FILTER', `${reason} (at position ${position + 1})`, {
      hint: `Examples: -w 'lr > 0.01', -w 'status in [completed error]', -w 'started >= (today)', -w 'operation =~ "^train"'.`,
    });
    this.expression = expression;
    this.position = position;
    this.reason = reason;
  }
}
