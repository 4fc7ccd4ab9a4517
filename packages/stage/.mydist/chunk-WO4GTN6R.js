// src/errors/config-errors.ts
import { GageError } from "@gage/types";
var FlagAssignError = class extends GageError {
  /** The argument that failed to parse. */
  arg;
  constructor(arg, message, options = {}) {
    super("ERR_GAGE_FLAG", message, options);
    this.arg = arg;
  }
};
var ConfigPathError = class extends GageError {
  constructor(message, options = {}) {
    super("ERR_GAGE_CONFIG_PATH", message, options);
  }
};
var ConfigSyntaxError = class extends GageError {
  /** The file format: `JSON`, `YAML` or `TOML`. */
  format;
  /** 1-based line of the problem. */
  line;
  /** 1-based column of the problem. */
  column;
  constructor(format, reason, line, column, options = {}) {
    super("ERR_GAGE_CONFIG_SYNTAX", `Invalid ${format} syntax: ${reason} at line ${line}, column ${column}`, options);
    this.format = format;
    this.line = line;
    this.column = column;
  }
};
var ConfigWriteError = class extends GageError {
  /** One line per value: `"<file>": <key>: <why>`. */
  problems;
  constructor(problems) {
    super("ERR_GAGE_CONFIG_WRITE", `Cannot write configuration: ${problems.join("; ")}`, {
      hint: "Use a value the file format can hold, or leave that flag out."
    });
    this.problems = problems;
  }
};

// src/errors/gagefile-errors.ts
import { GageError as GageError2 } from "@gage/types";
var GagefileLoadError = class extends GageError2 {
  /** The Gage file. */
  path;
  constructor(code, path, message, options = {}) {
    super(code, message, options);
    this.path = path;
  }
};
var GagefileMissingError = class extends GagefileLoadError {
  constructor(path) {
    super("ERR_GAGE_GAGEFILE_MISSING", path, `file does not exist: ${path}`);
  }
};
var GagefileExtensionError = class extends GagefileLoadError {
  constructor(path) {
    super("ERR_GAGE_GAGEFILE_EXTENSION", path, `unsupported file extension for ${path}`);
  }
};
var GagefileReadError = class extends GagefileLoadError {
  constructor(path, cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("ERR_GAGE_GAGEFILE_READ", path, `cannot read ${path}: ${reason}`, { cause });
  }
};
var GagefileSyntaxError = class extends GagefileLoadError {
  /** 1-based line, when known. */
  line;
  /** 1-based column, when known. */
  column;
  constructor(path, message, line, column, cause) {
    super("ERR_GAGE_GAGEFILE_SYNTAX", path, message, cause === void 0 ? {} : { cause });
    this.line = line;
    this.column = column;
  }
};
var GagefileInvalidError = class extends GagefileLoadError {
  /** One message per problem, in evaluation order. */
  problems;
  constructor(path, problems) {
    super("ERR_GAGE_GAGEFILE_INVALID", path, problems.join("\n"));
    this.problems = problems;
  }
};
var OperationNotFoundError = class extends GageError2 {
  spec;
  /** The project's operations, sorted by name. */
  operations;
  constructor(spec, operations) {
    super("ERR_GAGE_OPERATION_NOT_FOUND", `Cannot find operation '${spec}'`);
    this.spec = spec;
    this.operations = operations;
  }
};
var NoDefaultOperationError = class extends GageError2 {
  /** The project's operations, sorted by name. */
  operations;
  constructor(operations) {
    super("ERR_GAGE_NO_DEFAULT_OPERATION", "Cannot find a default operation");
    this.operations = operations;
  }
};
var MissingExecError = class extends GageError2 {
  opName;
  gagefile;
  constructor(opName, gagefile) {
    const where = gagefile === void 0 ? "" : ` defined in "${gagefile}"`;
    super("ERR_GAGE_MISSING_EXEC", `Operation ${opName}${where} is missing an exec command`, {
      hint: "Run 'gage help exec' for more information."
    });
    this.opName = opName;
    this.gagefile = gagefile;
  }
};

// src/errors/staging-errors.ts
import { GageError as GageError3 } from "@gage/types";
var DependsNotSupportedError = class extends GageError3 {
  opName;
  dependencyType;
  constructor(opName, dependencyType) {
    super(
      "ERR_GAGE_DEPENDS_NOT_SUPPORTED",
      `Cannot stage operation ${opName}: ${dependencyType} dependencies are not supported yet`,
      { hint: "Use a project-files dependency, or fetch the files with a 'stage-dependencies' exec command." }
    );
    this.opName = opName;
    this.dependencyType = dependencyType;
  }
};
var DependencyNotFoundError = class extends GageError3 {
  opName;
  patterns;
  constructor(opName, patterns) {
    super("ERR_GAGE_DEPENDENCY_NOT_FOUND", `Dependency ${JSON.stringify(patterns)} of operation ${opName} matches no project files`, {
      hint: "Check the 'files' patterns of 'depends' in the Gage file."
    });
    this.opName = opName;
    this.patterns = patterns;
  }
};
var AlreadyStagedError = class extends GageError3 {
  /** The run's id. */
  runId;
  constructor(runId) {
    super("ERR_GAGE_ALREADY_STAGED", `run ${runId} is already staged`);
    this.runId = runId;
  }
};

// src/errors/sourcecode-errors.ts
import { GageError as GageError4 } from "@gage/types";
var SourcePatternError = class extends GageError4 {
  pattern;
  constructor(pattern, reason) {
    super("ERR_GAGE_SOURCE_PATTERN", `Invalid file pattern ${JSON.stringify(pattern)}: ${reason}`);
    this.pattern = pattern;
  }
};

export {
  FlagAssignError,
  ConfigPathError,
  ConfigSyntaxError,
  ConfigWriteError,
  GagefileLoadError,
  GagefileMissingError,
  GagefileExtensionError,
  GagefileReadError,
  GagefileSyntaxError,
  GagefileInvalidError,
  OperationNotFoundError,
  NoDefaultOperationError,
  MissingExecError,
  DependsNotSupportedError,
  DependencyNotFoundError,
  AlreadyStagedError,
  SourcePatternError
};
//# sourceMappingURL=chunk-WO4GTN6R.js.map