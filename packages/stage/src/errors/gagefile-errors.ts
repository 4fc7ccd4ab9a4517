// Errors of Gage files and operations (gagefile/).
import { GageError, type GageErrorOptions, type OpDef } from '@gage/types';
import type { GagefileErrorCode, StageErrorCode } from './stage-error-code.js';

/**
 * A Gage file that cannot be loaded. Subclasses name the condition; `path`
 * is the file. The CLI prints `Error loading <path>: <message>` (`check`) or
 * `There was an issue reading operations from <path>: <message>` (`run`).
 *
 * @example
 * ```ts
 * try { await loadGagefile('gage.toml'); } catch (err) { if (err instanceof GagefileLoadError) console.error(err.path); }
 * ```
 */
export class GagefileLoadError extends GageError<GagefileErrorCode> {
  /** The Gage file. */
  readonly path: string;

  constructor(code: GagefileErrorCode, path: string, message: string, options: GageErrorOptions = {}) {
    super(code, message, options);
    this.path = path;
  }
}

/**
 * The Gage file does not exist: `file does not exist: <path>` (docs/spec/stage.md 1.3).
 *
 * @example
 * ```ts
 * throw new GagefileMissingError('gage.toml');
 * ```
 */
export class GagefileMissingError extends GagefileLoadError {
  constructor(path: string) {
    super('ERR_GAGE_GAGEFILE_MISSING', path, `file does not exist: ${path}`);
  }
}

/**
 * The Gage file has an extension other than `.toml`, `.json`, `.yaml`, `.yml`:
 * `unsupported file extension for <path>` (docs/spec/stage.md 1.3).
 *
 * @example
 * ```ts
 * throw new GagefileExtensionError('gage.txt');
 * ```
 */
export class GagefileExtensionError extends GagefileLoadError {
  constructor(path: string) {
    super('ERR_GAGE_GAGEFILE_EXTENSION', path, `unsupported file extension for ${path}`);
  }
}

/**
 * The Gage file exists but cannot be read (a directory, no permission...):
 * `cannot read <path>: <reason>`.
 *
 * @example
 * ```ts
 * throw new GagefileReadError('gage.toml', err);
 * ```
 */
export class GagefileReadError extends GagefileLoadError {
  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('ERR_GAGE_GAGEFILE_READ', path, `cannot read ${path}: ${reason}`, { cause });
  }
}

/**
 * The Gage file does not parse. The message names line and column: for JSON
 * Python's text (`Expecting value: line 1 column 1 (char 0)`), for TOML and
 * YAML the parser's first line ending in `at line L, column C`; `path` names
 * the file.
 *
 * @example
 * ```ts
 * throw new GagefileSyntaxError('gage.json', "Expecting ',' delimiter: line 2 column 15 (char 16)", 2, 15);
 * ```
 */
export class GagefileSyntaxError extends GagefileLoadError {
  /** 1-based line, when known. */
  readonly line: number | undefined;
  /** 1-based column, when known. */
  readonly column: number | undefined;

  constructor(path: string, message: string, line?: number, column?: number, cause?: unknown) {
    super('ERR_GAGE_GAGEFILE_SYNTAX', path, message, cause === undefined ? {} : { cause });
    this.line = line;
    this.column = column;
  }
}

/**
 * The Gage file parses but has a shape that cannot be loaded (top level or an
 * opdef not an object, a field of the wrong type). `problems` are messages of
 * `validateGagefile` (docs/spec/stage.md 2.5); the message joins them with newlines.
 *
 * @example
 * ```ts
 * throw new GagefileInvalidError('gage.toml', ['The instance must be of type "object"']);
 * ```
 */
export class GagefileInvalidError extends GagefileLoadError {
  /** One message per problem, in evaluation order. */
  readonly problems: readonly string[];

  constructor(path: string, problems: readonly string[]) {
    super('ERR_GAGE_GAGEFILE_INVALID', path, problems.join('\n'));
    this.problems = problems;
  }
}

/**
 * No operation with that name: `Cannot find operation '<spec>'` (docs/spec/stage.md 3.1).
 * `operations` (sorted by name) lets the CLI print the operations table.
 *
 * @example
 * ```ts
 * throw new OperationNotFoundError('hi', gagefile.operations);
 * ```
 */
export class OperationNotFoundError extends GageError<StageErrorCode> {
  readonly spec: string;
  /** The project's operations, sorted by name. */
  readonly operations: readonly OpDef[];

  constructor(spec: string, operations: readonly OpDef[]) {
    super('ERR_GAGE_OPERATION_NOT_FOUND', `Cannot find operation '${spec}'`);
    this.spec = spec;
    this.operations = operations;
  }
}

/**
 * No operation given and none is the default: `Cannot find a default
 * operation` (docs/spec/stage.md 3.1). `operations` as in {@link OperationNotFoundError}.
 *
 * @example
 * ```ts
 * throw new NoDefaultOperationError(gagefile.operations);
 * ```
 */
export class NoDefaultOperationError extends GageError<StageErrorCode> {
  /** The project's operations, sorted by name. */
  readonly operations: readonly OpDef[];

  constructor(operations: readonly OpDef[]) {
    super('ERR_GAGE_NO_DEFAULT_OPERATION', 'Cannot find a default operation');
    this.operations = operations;
  }
}

/**
 * The operation has no `run` command (missing, `""` or `[]`):
 * `Operation <op> defined in "<gagefile>" is missing an exec command`, hint
 * `Run 'gage help exec' for more information.` (docs/spec/stage.md 2.3).
 *
 * @example
 * ```ts
 * throw new MissingExecError('train', 'gage.toml');
 * ```
 */
export class MissingExecError extends GageError<StageErrorCode> {
  readonly opName: string;
  readonly gagefile: string | undefined;

  constructor(opName: string, gagefile: string | undefined) {
    const where = gagefile === undefined ? '' : ` defined in "${gagefile}"`;
    super('ERR_GAGE_MISSING_EXEC', `Operation ${opName}${where} is missing an exec command`, {
      hint: "Run 'gage help exec' for more information.",
    });
    this.opName = opName;
    this.gagefile = gagefile;
  }
}
