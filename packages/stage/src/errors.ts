// The GageError subclasses of @gage/stage, one file per area.
export { FlagAssignError, ConfigPathError, ConfigSyntaxError, NotebookFormatError, ConfigWriteError, UnknownFlagError, FlagValueError,
  ConfigReadbackError } from './errors/config-errors.js';
export type { UnknownFlag, ReadbackMismatch } from './errors/config-errors.js';
export { GagefileLoadError, GagefileMissingError, GagefileExtensionError, GagefileReadError, GagefileSyntaxError, GagefileInvalidError, OperationNotFoundError,
  NoDefaultOperationError, MissingExecError } from './errors/gagefile-errors.js';
export { DependsNotSupportedError, DependencyNotFoundError, AlreadyStagedError, StagingStoppedError } from './errors/staging-errors.js';
export { SourcePatternError } from './errors/sourcecode-errors.js';
export { DataFileError } from './errors/data-file-errors.js';
export { BatchFileError, SweepError, TooManyTrialsError } from './errors/batch-errors.js';
export type { BatchErrorCode, DataFileErrorCode, GagefileErrorCode, StageErrorCode } from './errors/stage-error-code.js';
