export { FlagAssignError, ConfigPathError, ConfigSyntaxError, ConfigWriteError } from './errors/config-errors.js';
export { GagefileLoadError, GagefileMissingError, GagefileExtensionError, GagefileReadError, GagefileSyntaxError, GagefileInvalidError, OperationNotFoundError, NoDefaultOperationError, MissingExecError } from './errors/gagefile-errors.js';
export { DependsNotSupportedError, DependencyNotFoundError, AlreadyStagedError } from './errors/staging-errors.js';
export { SourcePatternError } from './errors/sourcecode-errors.js';
//# sourceMappingURL=errors.d.ts.map