import { FlagAssignError } from '../errors.js';
/** A KEY-shaped run: a letter, digit, `_` or `.`, then also `-`. */
export declare const KEY_RUN: RegExp;
/** Python `str.strip()`. */
export declare function pyStrip(text: string): string;
/** True when `text` is empty or only whitespace. */
export declare function isBlank(text: string): boolean;
/** Number of leading whitespace characters of `text`. */
export declare function leadingSpace(text: string): number;
/**
 * End (exclusive) of the quoted string that starts at `start`: the first
 * matching quote preceded by an even number of backslashes. -1 when `start`
 * is not a quote or the quote never closes.
 */
export declare function quotedEnd(text: string, start: number): number;
/**
 * The `Unexpected token: '<token>'` error for the text at `pos`: a quoted
 * string if one starts there, else (in flag context) the longest KEY-shaped
 * run, else the rest of the input.
 */
export declare function unexpectedToken(arg: string, text: string, pos: number, flagContext: boolean): FlagAssignError;
//# sourceMappingURL=_flag-syntax.d.ts.map