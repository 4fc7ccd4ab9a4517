/**
 * A stable error code: `ERR_GAGE_` followed by upper-case words. Each package
 * lists its codes in its README; a code never changes once published.
 */
export type GageErrorCode = `ERR_GAGE_${string}`;

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
