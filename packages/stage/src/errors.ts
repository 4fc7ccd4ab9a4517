import { GageError, type GageErrorOptions } from '@gage/types';

/**
 * A run flag that is not a valid `KEY=VALUE` assignment (stage.md 5.9). The
 * message is the parser's (`Unexpected token: 'b'`); the CLI prefixes it with
 * `Invalid flag assignment: `.
 *
 * @example
 * ```ts
 * new FlagAssignError('a', 'Missing expected token: one of EQUAL, WS_INLINE').code; // 'ERR_GAGE_FLAG'
 * ```
 */
export class FlagAssignError extends GageError {
  /** The argument that failed to parse. */
  readonly arg: string;

  constructor(arg: string, message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_FLAG', message, options);
    this.arg = arg;
  }
}

/**
 * A config path of an opdef's `config` keys that cannot be parsed, e.g.
 * `path cannot be empty` (stage.md 5.1).
 *
 * @example
 * ```ts
 * new ConfigPathError('path cannot be empty').code; // 'ERR_GAGE_CONFIG_PATH'
 * ```
 */
export class ConfigPathError extends GageError {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_CONFIG_PATH', message, options);
  }
}

/**
 * A JSON, YAML or TOML config file that does not parse, so no config can be
 * read from it or written into it (stage.md 5.8). `line` and `column` are
 * 1-based. Message: `Invalid YAML syntax: <reason> at line 2, column 5`.
 *
 * @example
 * ```ts
 * new ConfigSyntaxError('JSON', 'Expecting value', 1, 1).message; // 'Invalid JSON syntax: Expecting value at line 1, column 1'
 * ```
 */
export class ConfigSyntaxError extends GageError {
  /** The file format: `JSON`, `YAML` or `TOML`. */
  readonly format: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;

  constructor(format: string, reason: string, line: number, column: number, options: GageErrorOptions = {}) {
    super('ERR_GAGE_CONFIG_SYNTAX', `Invalid ${format} syntax: ${reason} at line ${line}, column ${column}`, options);
    this.format = format;
    this.line = line;
    this.column = column;
  }
}

// --- Gage files and operations (gagefile/), source code (sourcecode/) ---
import type { GageErrorCode, OpDef } from '@gage/types';

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
export class GagefileLoadError extends GageError {
  /** The Gage file. */
  readonly path: string;

  constructor(code: GageErrorCode, path: string, message: string, options: GageErrorOptions = {}) {
    super(code, message, options);
    this.path = path;
  }
}

/**
 * The Gage file does not exist: `file does not exist: <path>` (stage.md 1.3).
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
 * `unsupported file extension for <path>` (stage.md 1.3).
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
 * `validateGagefile` (stage.md 2.5); the message joins them with newlines.
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
 * No operation with that name: `Cannot find operation '<spec>'` (stage.md 3.1).
 * `operations` (sorted by name) lets the CLI print the operations table.
 *
 * @example
 * ```ts
 * throw new OperationNotFoundError('hi', gagefile.operations);
 * ```
 */
export class OperationNotFoundError extends GageError {
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
 * operation` (stage.md 3.1). `operations` as in {@link OperationNotFoundError}.
 *
 * @example
 * ```ts
 * throw new NoDefaultOperationError(gagefile.operations);
 * ```
 */
export class NoDefaultOperationError extends GageError {
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
 * `Run 'gage help exec' for more information.` (stage.md 2.3).
 *
 * @example
 * ```ts
 * throw new MissingExecError('train', 'gage.toml');
 * ```
 */
export class MissingExecError extends GageError {
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

/**
 * The operation declares a dependency that staging cannot resolve yet
 * (stage.md 6 defers resolution): `Cannot stage operation <op>: <type>
 * dependencies are not supported yet`.
 *
 * @example
 * ```ts
 * throw new DependsNotSupportedError('train', 'project-files');
 * ```
 */
export class DependsNotSupportedError extends GageError {
  readonly opName: string;
  readonly dependencyType: string;

  constructor(opName: string, dependencyType: string) {
    super(
      'ERR_GAGE_DEPENDS_NOT_SUPPORTED',
      `Cannot stage operation ${opName}: ${dependencyType} dependencies are not supported yet`,
      { hint: "Use a project-files dependency, or fetch the files with a 'stage-dependencies' exec command." },
    );
    this.opName = opName;
    this.dependencyType = dependencyType;
  }
}

/**
 * A source code or config file pattern that cannot be parsed (stage.md 4.1):
 * `Invalid file pattern "<pattern>": <reason>`.
 *
 * @example
 * ```ts
 * throw new SourcePatternError('  ', 'no glob');
 * ```
 */
export class SourcePatternError extends GageError {
  readonly pattern: string;

  constructor(pattern: string, reason: string) {
    super('ERR_GAGE_SOURCE_PATTERN', `Invalid file pattern ${JSON.stringify(pattern)}: ${reason}`);
    this.pattern = pattern;
  }
}

/**
 * `stageRun` was called on a run that is already staged (lifecycle.md 7.1).
 *
 * @example
 * ```ts
 * throw new AlreadyStagedError(run.id); // run <id> is already staged
 * ```
 */
export class AlreadyStagedError extends GageError {
  /** The run's id. */
  readonly runId: string;

  constructor(runId: string) {
    super('ERR_GAGE_ALREADY_STAGED', `run ${runId} is already staged`);
    this.runId = runId;
  }
}

/**
 * Config values that a config file's format cannot hold (stage.md 5.8: null
 * into TOML, a non-finite float into JSON). Raised before any file changes.
 *
 * @example
 * ```ts
 * throw new ConfigWriteError(['"train.toml": lr: cannot write null to a TOML file (TOML has no null)']);
 * ```
 */
export class ConfigWriteError extends GageError {
  /** One line per value: `"<file>": <key>: <why>`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('ERR_GAGE_CONFIG_WRITE', `Cannot write configuration: ${problems.join('; ')}`, {
      hint: 'Use a value the file format can hold, or leave that flag out.',
    });
    this.problems = problems;
  }
}

/**
 * A project-files dependency (stage.md 6) whose patterns match no file of the
 * project: the run would start without files it declared it needs.
 *
 * @example
 * ```ts
 * throw new DependencyNotFoundError('train', ['data/*.csv']);
 * ```
 */
export class DependencyNotFoundError extends GageError {
  readonly opName: string;
  readonly patterns: readonly string[];

  constructor(opName: string, patterns: readonly string[]) {
    super('ERR_GAGE_DEPENDENCY_NOT_FOUND', `Dependency ${JSON.stringify(patterns)} of operation ${opName} matches no project files`, {
      hint: "Check the 'files' patterns of 'depends' in the Gage file.",
    });
    this.opName = opName;
    this.patterns = patterns;
  }
}
