import { GageError, type TypesErrorCode } from './errors.js';

/**
 * A JSON text that does not parse. The message follows Python's `json`
 * module: `Expecting value: line 1 column 1 (char 0)`.
 */
export class JsonSyntaxError extends GageError<TypesErrorCode> {
  /** What was expected or found, e.g. `Expecting ',' delimiter`. */
  readonly reason: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** 0-based offset in code points. */
  readonly offset: number;

  constructor(reason: string, line: number, column: number, offset: number) {
    super('ERR_GAGE_JSON_SYNTAX', `${reason}: line ${line} column ${column} (char ${offset})`);
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.offset = offset;
  }
}
