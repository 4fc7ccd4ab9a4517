import { GageError, type GageErrorOptions } from '@gage/types';

/**
 * The codes `@gage/meta` throws (its README lists them). Errors of
 * `@gage/types` (`ERR_GAGE_RUN_ID`, the `FileSystemError` codes) pass through
 * with their own codes.
 */
export type MetaErrorCode =
  | 'ERR_GAGE_ATTR_LOG'
  | 'ERR_GAGE_PROJECT_REF'
  | 'ERR_GAGE_RUN_LOAD'
  | 'ERR_GAGE_NO_RUNS'
  | 'ERR_GAGE_NO_RUNS_MATCH'
  | 'ERR_GAGE_RUN_AMBIGUOUS'
  | 'ERR_GAGE_LIST_RUNS'
  | 'ERR_GAGE_RUN_EXISTS'
  | 'ERR_GAGE_RUN_META_INITIALIZED'
  | 'ERR_GAGE_RUN_META'
  | 'ERR_GAGE_META_SCHEMA'
  | 'ERR_GAGE_META_ENCODING'
  | 'ERR_GAGE_RUN_GONE'
  | 'ERR_GAGE_RUN_LOCKED'
  | 'ERR_GAGE_INVALID_RUN_LOCK'
  | 'ERR_GAGE_RUN_ATTR_UNKNOWN'
  | 'ERR_GAGE_RUN_ATTR_MISSING'
  | 'ERR_GAGE_FILTER'
  | 'ERR_GAGE_COMMENT'
  | 'ERR_GAGE_COMMENT_NOT_FOUND'
  | 'ERR_GAGE_ARCHIVE_NAME'
  | 'ERR_GAGE_ARCHIVE_NOT_FOUND'
  | 'ERR_GAGE_ARCHIVE_EXISTS'
  | 'ERR_GAGE_ARCHIVE_NOT_EMPTY'
  | 'ERR_GAGE_COPY'
  | 'ERR_GAGE_IMPORT';

/** An attr-log (user attributes) problem: an invalid entry, or a `.user` dir that already exists. */
export class AttrLogError extends GageError<MetaErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_ATTR_LOG', message, options);
  }
}

/** A project reference that cannot be written, e.g. `project_dir must be absolute: "<dir>"`. */
export class ProjectRefError extends GageError<MetaErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_PROJECT_REF', message, options);
  }
}

/** A run dir entry that looks like a run but cannot be loaded (reported by `listRuns`, never thrown by it). */
export class RunLoadError extends GageError<MetaErrorCode> {
  /** The meta dir that could not be loaded. */
  readonly metaDir: string;

  constructor(metaDir: string, reason: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_RUN_LOAD', `Cannot load run "${metaDir}": ${reason}`, options);
    this.metaDir = metaDir;
  }
}

/**
 * A single-run lookup that failed (docs/spec/cli.md 3.2): `ERR_GAGE_NO_RUNS_MATCH`
 * (`No runs match '<spec>'`), `ERR_GAGE_NO_RUNS` (`No runs found`) or
 * `ERR_GAGE_RUN_AMBIGUOUS` (`'<spec>' matches <n> runs`).
 */
export class RunSelectError extends GageError<MetaErrorCode> {
  constructor(code: 'ERR_GAGE_NO_RUNS_MATCH' | 'ERR_GAGE_NO_RUNS' | 'ERR_GAGE_RUN_AMBIGUOUS', message: string, hint: string) {
    super(code, message, { hint });
  }
}

/** Bad `listRuns` options, e.g. `Cannot sort runs by '<name>': unknown attribute`. */
export class ListRunsError extends GageError<MetaErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_LIST_RUNS', message, options);
  }
}

/** `makeRun` found the meta dir of the run id already there (`ERR_GAGE_RUN_EXISTS`); a meta dir is never reused. */
export class RunExistsError extends GageError<MetaErrorCode> {
  /** The run id. */
  readonly runId: string;
  /** The meta dir that already exists. */
  readonly metaDir: string;

  constructor(runId: string, metaDir: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_RUN_EXISTS', `Cannot make run "${runId}": meta dir "${metaDir}" already exists`, {
      hint: 'Use another run id, or leave the id out to get a random one.',
      ...options,
    });
    this.runId = runId;
    this.metaDir = metaDir;
  }
}

/** `initRunMetaSync` on a meta dir that has `initialized` (`ERR_GAGE_RUN_META_INITIALIZED`). */
export class RunMetaInitializedError extends GageError<MetaErrorCode> {
  /** The meta dir. */
  readonly metaDir: string;

  constructor(metaDir: string) {
    super('ERR_GAGE_RUN_META_INITIALIZED', `run meta already initialized: ${metaDir}`);
    this.metaDir = metaDir;
  }
}

/**
 * A meta file that is missing or cannot be decoded (`ERR_GAGE_RUN_META`), e.g.
 * `Cannot read "config.json" in run "abc": Expecting value: line 1 column 1 (char 0)`.
 */
export class RunMetaError extends GageError<MetaErrorCode> {
  /** The run id. */
  readonly runId: string;
  /** The meta file, relative to the meta dir. */
  readonly file: string;

  constructor(runId: string, file: string, reason: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_RUN_META', `Cannot read "${file}" in run "${runId}": ${reason}`, options);
    this.runId = runId;
    this.file = file;
  }
}

/** A `__schema__` other than `1` (`ERR_GAGE_META_SCHEMA`): `unsupported meta schema: '<value>'`. */
export class MetaSchemaError extends GageError<MetaErrorCode> {
  /** The schema found. */
  readonly schema: string;

  constructor(schema: string) {
    super('ERR_GAGE_META_SCHEMA', `unsupported meta schema: '${schema}'`);
    this.schema = schema;
  }
}

/**
 * A malformed line in `log/files` or `manifest` (`ERR_GAGE_META_ENCODING`):
 * `bad encoding in "<file>", line <n>: <line>`.
 */
export class MetaEncodingError extends GageError<MetaErrorCode> {
  /** The file's path. */
  readonly path: string;
  /** The 1-based line number. */
  readonly line: number;

  constructor(path: string, line: number, text: string) {
    super('ERR_GAGE_META_ENCODING', `bad encoding in "${path}", line ${line}: ${text}`);
    this.path = path;
    this.line = line;
  }
}

/**
 * The run's meta dir is gone (`ERR_GAGE_RUN_GONE`): the run was deleted
 * while it was being used, e.g. during its run or its `--start` prompt.
 * Writers throw it rather than make a partial meta dir again.
 */
export class RunGoneError extends GageError<MetaErrorCode> {
  /** The run id. */
  readonly runId: string;
  /** The meta dir that no longer exists. */
  readonly metaDir: string;

  constructor(runId: string, metaDir: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_RUN_GONE', `Run "${runId}" no longer exists: its meta dir "${metaDir}" was deleted`, options);
    this.runId = runId;
    this.metaDir = metaDir;
  }
}

/** The run lock (docs/spec/lifecycle.md 1.1) is held by another process (`ERR_GAGE_RUN_LOCKED`). */
export class RunLockedError extends GageError<MetaErrorCode> {
  /** The run id. */
  readonly runId: string;

  constructor(runId: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_RUN_LOCKED', `Run "${runId}" is in use by another process`, options);
    this.runId = runId;
  }
}

/** `<runsDir>/<id>.lock` exists but is not a directory, so it is no run lock (`ERR_GAGE_INVALID_RUN_LOCK`). */
export class InvalidRunLockError extends GageError<MetaErrorCode> {
  /** The run id. */
  readonly runId: string;
  /** The path of the would-be lock. */
  readonly path: string;

  constructor(runId: string, path: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_INVALID_RUN_LOCK', `Cannot lock run "${runId}": "${path}" is not a lock directory`, {
      hint: `Gage makes run locks as directories. If no Gage process is using the run, remove "${path}" and try again.`,
      ...options,
    });
    this.runId = runId;
    this.path = path;
  }
}

/**
 * `runAttrSync` failed (message = the attribute name, docs/spec/lifecycle.md 12):
 * `ERR_GAGE_RUN_ATTR_UNKNOWN` for a name it does not support,
 * `ERR_GAGE_RUN_ATTR_MISSING` for a known one the run lacks (no default given).
 */
export class RunAttrError extends GageError<MetaErrorCode> {
  /** The attribute name. */
  readonly attr: string;

  constructor(code: 'ERR_GAGE_RUN_ATTR_UNKNOWN' | 'ERR_GAGE_RUN_ATTR_MISSING', attr: string) {
    super(code, attr);
    this.attr = attr;
  }
}

/** A comment that cannot be written (`ERR_GAGE_COMMENT`), e.g. `Comment message is empty`. */
export class CommentError extends GageError<MetaErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_COMMENT', message, options);
  }
}

/** A run has no comment with the id (`ERR_GAGE_COMMENT_NOT_FOUND`): `Cannot find comment '<id>' for run "<run id>"`. */
export class CommentNotFoundError extends GageError<MetaErrorCode> {
  /** The run id. */
  readonly runId: string;
  /** The comment id asked for. */
  readonly commentId: string;

  constructor(runId: string, commentId: string) {
    super('ERR_GAGE_COMMENT_NOT_FOUND', `Cannot find comment '${commentId}' for run "${runId}"`);
    this.runId = runId;
    this.commentId = commentId;
  }
}

/** An archive name that cannot be used (`ERR_GAGE_ARCHIVE_NAME`): `Invalid archive name '<name>': <why>`. */
export class ArchiveNameError extends GageError<MetaErrorCode> {
  /** The name given. */
  readonly archiveName: string;

  constructor(name: string, why: string) {
    super('ERR_GAGE_ARCHIVE_NAME', `Invalid archive name '${name}': ${why}`, {
      hint: "An archive name is a directory name: no '/', '\\' or control characters, not starting with '.'.",
    });
    this.archiveName = name;
  }
}

/**
 * An archive that is missing (`ERR_GAGE_ARCHIVE_NOT_FOUND`, `archive '<name>' does not exist`),
 * exists already (`ERR_GAGE_ARCHIVE_EXISTS`) or still holds runs (`ERR_GAGE_ARCHIVE_NOT_EMPTY`).
 */
export class ArchiveError extends GageError<MetaErrorCode> {
  constructor(code: 'ERR_GAGE_ARCHIVE_NOT_FOUND' | 'ERR_GAGE_ARCHIVE_EXISTS' | 'ERR_GAGE_ARCHIVE_NOT_EMPTY', message: string, options: GageErrorOptions = {}) {
    super(code, message, options);
  }

  /** `archive '<name>' does not exist` with the hint to list archives. */
  static notFound(name: string): ArchiveError {
    return new ArchiveError('ERR_GAGE_ARCHIVE_NOT_FOUND', `archive '${name}' does not exist`, {
      hint: "Use 'gage archive --list' to show available archives.",
    });
  }
}

/** A run copy that does not match its source (`ERR_GAGE_COPY`); nothing of the run is left at the destination. */
export class CopyRunsError extends GageError<MetaErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_COPY', message, options);
  }
}

/**
 * A foreign run (Gage (Python) or Guild AI) that cannot be imported, or an
 * import that cannot start (`ERR_GAGE_IMPORT`), e.g.
 * `Cannot import run "<id>": "<path>" is not a valid zip file (no end of central directory)`.
 */
export class ImportRunError extends GageError<MetaErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_IMPORT', message, options);
  }
}
