import type { MetaErrorCode } from '@gage/meta';
import type { ProcErrorCode } from '@gage/proc';
import type { StageErrorCode } from '@gage/stage';
import { GageError, type TypesErrorCode } from '@gage/types';

/**
 * The codes of conditions that only `@gage/cli` finds (its README lists
 * them). A condition a library finds keeps the library's code, also when
 * the CLI words it differently ({@link PresentedError}).
 */
export type CliErrorCode =
  | 'ERR_GAGE_USAGE'
  | 'ERR_GAGE_INCOMPATIBLE_OPTIONS'
  | 'ERR_GAGE_NO_DIRECTORY'
  | 'ERR_GAGE_NOT_A_DIRECTORY'
  | 'ERR_GAGE_NO_OPERATIONS'
  | 'ERR_GAGE_NO_RUN_SPEC'
  | 'ERR_GAGE_NOTHING_SELECTED'
  | 'ERR_GAGE_RUN_NOT_STAGED'
  | 'ERR_GAGE_JSON_WITHOUT_PREVIEW'
  | 'ERR_GAGE_LABEL_ACTION'
  | 'ERR_GAGE_CAT_PATH_MISSING'
  | 'ERR_GAGE_CAT_OUTSIDE'
  | 'ERR_GAGE_CAT_NO_FILE'
  | 'ERR_GAGE_CAT_NOT_FILE'
  | 'ERR_GAGE_FILE_NOT_FOUND'
  | 'ERR_GAGE_NO_GAGEFILE'
  | 'ERR_GAGE_UNKNOWN_COLUMN'
  | 'ERR_GAGE_BOARD_CONFIG'
  | 'ERR_GAGE_NOT_ENOUGH_RUNS'
  | 'ERR_GAGE_RUN_DELETED'
  | 'ERR_GAGE_NOTHING_CHANGED'
  | 'ERR_GAGE_ONE_RUN_ONLY'
  | 'ERR_GAGE_EDITOR'
  | 'ERR_GAGE_MISSING_OPTION'
  | 'ERR_GAGE_COPY_LOCATION'
  | 'ERR_GAGE_RCLONE'
  | 'ERR_GAGE_UNDEFINED_REMOTE'
  | 'ERR_GAGE_VERSION_SPEC'
  | 'ERR_GAGE_VERSION_MISMATCH'
  | 'ERR_GAGE_NO_OPENER'
  | 'ERR_GAGE_OPEN_PATH'
  | 'ERR_GAGE_OPEN_COMMAND'
  | 'ERR_GAGE_BATCH_OPTION'
  | 'ERR_GAGE_NOTHING_TO_RUN'
  | 'ERR_GAGE_WHERE_WITHOUT_START'
  | 'ERR_GAGE_BACKGROUND'
  | 'ERR_GAGE_RUN_NOT_RUNNING';

/** The codes of the library packages, which the CLI passes on as they are or presents. */
export type LibraryErrorCode = TypesErrorCode | MetaErrorCode | ProcErrorCode | StageErrorCode;

/**
 * A usage error found by the argument parser (docs/spec/cli.md 1.2, shape 3): exit 2.
 * `usage` is the usage line without `Usage: `; with `short` only the
 * `Error:` line is printed.
 *
 * @example
 * ```ts
 * throw new UsageError('list', 'gage list [options] [run]...', 'No such option: --bogus');
 * ```
 */
export class UsageError extends GageError<CliErrorCode> {
  readonly cmdPath: string;
  readonly usage: string;
  readonly short: boolean;

  constructor(cmdPath: string, usage: string, message: string, options: { short?: boolean } = {}) {
    super('ERR_GAGE_USAGE', message);
    this.cmdPath = cmdPath;
    this.usage = usage;
    this.short = options.short ?? false;
  }
}

/**
 * Two options that cannot be used together (docs/spec/cli.md 1.2, shape 2): no
 * `gage: ` prefix, exit 1. Names are given without dashes, in command-line
 * order.
 *
 * @example
 * ```ts
 * throw new IncompatibleOptionsError('start', 'stage', 'run'); // start and stage cannot be used together.
 * ```
 */
export class IncompatibleOptionsError extends GageError<CliErrorCode> {
  readonly first: string;
  readonly second: string;
  readonly cmdPath: string;
  /** Printed without the `gage: ` prefix. */
  readonly unprefixed = true;

  constructor(first: string, second: string, cmdPath: string) {
    super('ERR_GAGE_INCOMPATIBLE_OPTIONS', `${first} and ${second} cannot be used together.`, {
      hint: `Try 'gage ${cmdPath} -h' for help.`,
    });
    this.first = first;
    this.second = second;
    this.cmdPath = cmdPath;
  }
}

/**
 * A library error in the words of docs/spec/cli.md: the library's `code` (one code
 * per condition) with the message, hint and prefix the CLI spec gives;
 * `cause` is the library error. Omitted texts are the library's.
 *
 * @example
 * ```ts
 * throw new PresentedError(err, { message: `Invalid flag assignment: ${err.message}` });
 * throw new PresentedError(notFound, { hint: 'Operations defined for this project: ...', unprefixed: true });
 * ```
 */
export class PresentedError extends GageError<LibraryErrorCode> {
  /** Printed without the `gage: ` prefix (`Cannot find operation 'hi'`, `There are errors in <file>`). */
  readonly unprefixed: boolean;

  constructor(cause: GageError<LibraryErrorCode>, text: { message?: string; hint?: string; unprefixed?: boolean }) {
    super(cause.code, text.message ?? cause.message, { hint: text.hint ?? cause.hint, cause });
    this.unprefixed = text.unprefixed ?? false;
  }
}

/**
 * A user-facing error printed with the `gage: ` prefix (and its hint), exit
 * 1 unless `exitCode` says otherwise (`Nothing selected` exits 0 for restore
 * and purge).
 *
 * @example
 * ```ts
 * throw new CliError('ERR_GAGE_NOTHING_SELECTED', 'Nothing selected', { exitCode: 0 });
 * ```
 */
export class CliError extends GageError<CliErrorCode> {
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(code, message, options);
    this.exitCode = options.exitCode ?? 1;
  }
}
