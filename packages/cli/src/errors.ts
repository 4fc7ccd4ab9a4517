import { GageError } from '@gage/types';

/**
 * A usage error found by the argument parser (cli.md 1.2, shape 3): exit 2.
 * `usage` is the usage line without `Usage: `; with `short` only the
 * `Error:` line is printed.
 *
 * @example
 * ```ts
 * throw new UsageError('list', 'gage list [options] [run]...', 'No such option: --bogus');
 * ```
 */
export class UsageError extends GageError {
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
 * Two options that cannot be used together (cli.md 1.2, shape 2): no
 * `gage: ` prefix, exit 1. Names are given without dashes, in command-line
 * order.
 *
 * @example
 * ```ts
 * throw new IncompatibleOptionsError('start', 'stage', 'run'); // start and stage cannot be used together.
 * ```
 */
export class IncompatibleOptionsError extends GageError {
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
 * An error whose text is printed as is, without the `gage: ` prefix
 * (`Cannot find operation 'hi'`, `There are errors in <file>`), exit 1.
 *
 * @example
 * ```ts
 * throw new CliMessageError('ERR_GAGE_OPERATION_NOT_FOUND', "Cannot find operation 'hi'", { hint: '...' });
 * ```
 */
export class CliMessageError extends GageError {
  /** Printed without the `gage: ` prefix. */
  readonly unprefixed = true;
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
export class CliError extends GageError {
  readonly exitCode: number;

  constructor(code: `ERR_GAGE_${string}`, message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(code, message, options);
    this.exitCode = options.exitCode ?? 1;
  }
}
