/**
 * Stable error codes of every `@gage/*` package. A code never changes once
 * published; messages may be reworded.
 */
export type GageErrorCode =
  // @gage/types
  | 'ERR_GAGE_OPREF'
  | 'ERR_GAGE_RUN_ID'
  | 'ERR_GAGE_JSON_SYNTAX'
  // @gage/meta
  | 'ERR_GAGE_RUN_LOCKED'
  | 'ERR_GAGE_RUN_EXISTS'
  | 'ERR_GAGE_META_INITIALIZED'
  | 'ERR_GAGE_META_SCHEMA'
  | 'ERR_GAGE_META_ENCODING'
  | 'ERR_GAGE_META_MISSING'
  | 'ERR_GAGE_RUN_ATTR'
  | 'ERR_GAGE_PROJECT_REF'
  | 'ERR_GAGE_RUN_SELECT'
  // @gage/proc
  | 'ERR_GAGE_RUN_EXEC'
  | 'ERR_GAGE_SPAWN'
  | 'ERR_GAGE_RUN_CMD'
  // @gage/stage
  | 'ERR_GAGE_GAGEFILE_NOT_FOUND'
  | 'ERR_GAGE_GAGEFILE_LOAD'
  | 'ERR_GAGE_GAGEFILE_INVALID'
  | 'ERR_GAGE_OP_NOT_FOUND'
  | 'ERR_GAGE_OP_NO_DEFAULT'
  | 'ERR_GAGE_OP_NO_EXEC'
  | 'ERR_GAGE_FLAG'
  | 'ERR_GAGE_PATTERN'
  | 'ERR_GAGE_CONFIG_WRITE'
  | 'ERR_GAGE_ALREADY_STAGED'
  | 'ERR_GAGE_UNSUPPORTED'
  // @gage/cli
  | 'ERR_GAGE_USAGE'
  | 'ERR_GAGE_CLI';

/** Options of {@link GageError}. */
export interface GageErrorOptions {
  /** What the user can do about it; printed by the CLI after the message. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Base class of every error a `@gage/*` package throws on purpose.
 *
 * @example
 * ```ts
 * throw new GageError('ERR_GAGE_CLI', 'Nothing selected', { hint: "Use 'gage list' to show available runs." });
 * ```
 */
export class GageError extends Error {
  /** Stable, machine-readable code. */
  readonly code: GageErrorCode;
  /** What the user can do about it, if anything. */
  readonly hint: string | undefined;

  constructor(code: GageErrorCode, message: string, options: GageErrorOptions = {}) {
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
