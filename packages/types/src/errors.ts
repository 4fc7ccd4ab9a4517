import type { FileSystemErrorCode } from './file-system-error.js';

/**
 * The shape of every error code: `ERR_GAGE_` followed by upper-case words.
 * Only two places accept any such code: the constraint of
 * {@link GageError}'s type parameter (each package narrows it to its own
 * union, e.g. `GageError<MetaErrorCode>`), and the `code` of an error caught
 * from an unknown package (`isGageError`). Everything that constructs an
 * error uses its package's closed union.
 */
export type GageErrorCode = `ERR_GAGE_${string}`;

/**
 * The codes `@gage/types` throws (its README lists them). A code never
 * changes once published.
 */
export type TypesErrorCode = 'ERR_GAGE_OPREF' | 'ERR_GAGE_RUN_ID' | 'ERR_GAGE_JSON_SYNTAX' | FileSystemErrorCode;

/** Options of {@link GageError}. */
export interface GageErrorOptions {
  /** What the user can do about it; printed by the CLI after the message. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Base class of every error a `@gage/*` package throws on purpose. It is
 * abstract: each package subclasses it with its own closed union of codes
 * (`class RunLockedError extends GageError<MetaErrorCode>`), so a code that
 * is not in the package's union does not compile.
 *
 * @typeParam C the codes the subclass may carry
 * @example
 * ```ts
 * type MyErrorCode = 'ERR_GAGE_NOTHING_SELECTED';
 * class NothingSelectedError extends GageError<MyErrorCode> {
 *   constructor() { super('ERR_GAGE_NOTHING_SELECTED', 'Nothing selected', { hint: "Use 'gage list' to show available runs." }); }
 * }
 * ```
 */
export abstract class GageError<C extends GageErrorCode = GageErrorCode> extends Error {
  /** Stable, machine-readable code. */
  readonly code: C;
  /** What the user can do about it, if anything. */
  readonly hint: string | undefined;

  constructor(code: C, message: string, options: GageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }
}

/**
 * True when `err` is a {@link GageError}, also across realms (Jest runs tests
 * in a separate VM context where `instanceof` fails).
 *
 * @example
 * ```ts
 * if (isGageError(err) && err.code === 'ERR_GAGE_RUN_LOCKED') retryLater();
 * ```
 */
export function isGageError(err: unknown): err is GageError {
  return (
    typeof err === 'object' && err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('ERR_GAGE_') &&
    typeof (err as { message?: unknown }).message === 'string'
  );
}
