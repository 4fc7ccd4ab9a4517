// Errors of batch files and sweeps (batch/).
import { GageError, type GageErrorOptions } from '@gage/types';
import type { BatchErrorCode } from './stage-error-code.js';

/**
 * A batch file (docs/spec/cli.md 5.1 Batches) that cannot be used. `file`
 * is the file as the user gave it; the messages are those of docs/spec/cli.md 5.1:
 *
 * | code | message |
 * |---|---|
 * | `ERR_GAGE_BATCH_FILE_EXTENSION` | `Unsupported extension for batch file <file>` |
 * | `ERR_GAGE_BATCH_FILE_MISSING` | `Batch file <file> does not exist` |
 * | `ERR_GAGE_BATCH_FILE_READ` | `Cannot read batch file <file>: <reason>` (bad JSON, bad CSV, a directory) |
 * | `ERR_GAGE_BATCH_FILE_SHAPE` | `Expected an array of objects in <file>` |
 *
 * @example
 * ```ts
 * throw new BatchFileError('ERR_GAGE_BATCH_FILE_MISSING', 'b.csv', 'Batch file b.csv does not exist');
 * ```
 */
export class BatchFileError extends GageError<BatchErrorCode> {
  /** The file, as given. */
  readonly file: string;

  constructor(code: BatchErrorCode, file: string, message: string, options: GageErrorOptions = {}) {
    super(code, message, options);
    this.file = file;
  }
}

/**
 * A flag value in sweep syntax (decision 23) that does not parse or cannot
 * be expanded, e.g. `Invalid sweep lr=range[1:x]: 'x' is not a number`; or
 * a `--max-runs` a random sweep cannot use. `flag` is the flag name, when
 * the problem is in a flag.
 *
 * @example
 * ```ts
 * new SweepError('lr', "Invalid sweep lr=range[1:x]: 'x' is not a number").code; // 'ERR_GAGE_SWEEP'
 * ```
 */
export class SweepError extends GageError<BatchErrorCode> {
  readonly flag: string | undefined;

  constructor(flag: string | undefined, message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_SWEEP', message, options);
    this.flag = flag;
  }
}

/**
 * A batch or grid sweep of more trials than are run without `--max-runs`
 * (decision 23): `Batch of 12,000 trials is larger than 10,000`, hint
 * `Use --max-runs N to run the first N of them (--max-runs -1 for all).`
 *
 * @example
 * ```ts
 * new TooManyTrialsError(12000, 10000).count; // 12000
 * ```
 */
export class TooManyTrialsError extends GageError<BatchErrorCode> {
  /** The number of trials of the whole product. */
  readonly count: number;
  /** The most trials run without `--max-runs`. */
  readonly limit: number;

  constructor(count: number, limit: number) {
    super('ERR_GAGE_TOO_MANY_TRIALS', `Batch of ${formatCount(count)} trials is larger than ${formatCount(limit)}`, {
      hint: 'Use --max-runs N to run the first N of them (--max-runs -1 for all).',
    });
    this.count = count;
    this.limit = limit;
  }
}

/** `12000` -> `12,000`; a count past 2^53 as its float text. */
function formatCount(n: number): string {
  return Number.isSafeInteger(n) ? n.toLocaleString('en-US') : String(n);
}
