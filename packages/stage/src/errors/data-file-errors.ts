// Errors of data files read by loadDataFile (gagefile/load-data-file.ts).
import { GageError, type GageErrorOptions } from '@gage/types';
import type { DataFileErrorCode } from './stage-error-code.js';

/**
 * A data file (a board config, any JSON, TOML or YAML file read with
 * `loadDataFile`) that cannot be loaded. `code` names the condition, `path`
 * is the file as given; the message never repeats the path, so a caller
 * can say what the file was for (`Cannot load board config "<path>": <message>`).
 *
 * | code | message |
 * |---|---|
 * | `ERR_GAGE_DATA_FILE_EXTENSION` | `unsupported file extension (expected .json, .toml, .yaml or .yml)` |
 * | `ERR_GAGE_DATA_FILE_MISSING` | `file does not exist` |
 * | `ERR_GAGE_DATA_FILE_READ` | `cannot read the file: <reason>` |
 * | `ERR_GAGE_DATA_FILE_SYNTAX` | the parser's message, naming line and column |
 *
 * @example
 * ```ts
 * throw new DataFileError('ERR_GAGE_DATA_FILE_MISSING', 'board.json', 'file does not exist');
 * ```
 */
export class DataFileError extends GageError<DataFileErrorCode> {
  /** The file, as given. */
  readonly path: string;
  /** 1-based line of a syntax error, when known. */
  readonly line: number | undefined;
  /** 1-based column of a syntax error, when known. */
  readonly column: number | undefined;

  constructor(code: DataFileErrorCode, path: string, message: string,
    options: GageErrorOptions & { line?: number | undefined; column?: number | undefined } = {})
  {
    const { line, column, ...rest } = options;
    super(code, message, rest);
    this.path = path;
    this.line = line;
    this.column = column;
  }
}
