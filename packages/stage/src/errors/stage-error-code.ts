/**
 * The codes `@gage/stage` throws (its README lists them). Errors of
 * `@gage/types` and `@gage/meta` pass through with their own codes.
 */
export type StageErrorCode =
  // Flags and config files (config-errors.ts)
  | 'ERR_GAGE_FLAG'
  | 'ERR_GAGE_CONFIG_PATH'
  | 'ERR_GAGE_CONFIG_SYNTAX'
  | 'ERR_GAGE_NOTEBOOK_FORMAT'
  | 'ERR_GAGE_CONFIG_WRITE'
  | 'ERR_GAGE_UNKNOWN_FLAG'
  | 'ERR_GAGE_FLAG_VALUE'
  | 'ERR_GAGE_CONFIG_READBACK'
  // Gage files and operations (gagefile-errors.ts)
  | GagefileErrorCode
  | 'ERR_GAGE_OPERATION_NOT_FOUND'
  | 'ERR_GAGE_NO_DEFAULT_OPERATION'
  | 'ERR_GAGE_MISSING_EXEC'
  // Staging (staging-errors.ts)
  | 'ERR_GAGE_DEPENDS_NOT_SUPPORTED'
  | 'ERR_GAGE_DEPENDENCY_NOT_FOUND'
  | 'ERR_GAGE_ALREADY_STAGED'
  | 'ERR_GAGE_STAGING_STOPPED'
  // Source code (sourcecode-errors.ts)
  | 'ERR_GAGE_SOURCE_PATTERN'
  // Data files (data-file-errors.ts)
  | DataFileErrorCode
  // Batch files and sweeps (batch-errors.ts)
  | BatchErrorCode;

/** The codes of `GagefileLoadError`: a Gage file that cannot be loaded. */
export type GagefileErrorCode =
  | 'ERR_GAGE_GAGEFILE_MISSING'
  | 'ERR_GAGE_GAGEFILE_EXTENSION'
  | 'ERR_GAGE_GAGEFILE_READ'
  | 'ERR_GAGE_GAGEFILE_SYNTAX'
  | 'ERR_GAGE_GAGEFILE_INVALID';

/** The codes of `DataFileError`: a data file (`loadDataFile`) that cannot be loaded. */
export type DataFileErrorCode =
  | 'ERR_GAGE_DATA_FILE_EXTENSION'
  | 'ERR_GAGE_DATA_FILE_MISSING'
  | 'ERR_GAGE_DATA_FILE_READ'
  | 'ERR_GAGE_DATA_FILE_SYNTAX';

/** The codes of `BatchFileError`, `SweepError` and `TooManyTrialsError`: batch files and sweeps. */
export type BatchErrorCode =
  | 'ERR_GAGE_BATCH_FILE_EXTENSION'
  | 'ERR_GAGE_BATCH_FILE_MISSING'
  | 'ERR_GAGE_BATCH_FILE_READ'
  | 'ERR_GAGE_BATCH_FILE_SHAPE'
  | 'ERR_GAGE_SWEEP'
  | 'ERR_GAGE_TOO_MANY_TRIALS';
