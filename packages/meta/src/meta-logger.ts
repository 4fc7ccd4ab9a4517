/** Receives the warnings of `@gage/meta` (one message, no `WARNING:` prefix, no newline). */
export type MetaLogger = (message: string) => void;

const defaultLogger: MetaLogger = (message) => {
  process.stderr.write(`WARNING: ${message}\n`);
};

let current: MetaLogger = defaultLogger;

/**
 * Sets where `@gage/meta` sends its warnings (an invalid timestamp file, a
 * compromised run lock, ...). The default writes `WARNING: <message>` and a
 * newline to stderr. Pass `undefined` to restore the default.
 *
 * @param logger the new logger, or `undefined` for the default
 * @returns the logger that was set before, so a caller can restore it
 * @example
 * ```ts
 * const warnings: string[] = [];
 * const previous = setMetaLogger((msg) => warnings.push(msg));
 * try { await runStatus(run); } finally { setMetaLogger(previous); }
 * ```
 */
export function setMetaLogger(logger: MetaLogger | undefined): MetaLogger {
  const previous = current;
  current = logger ?? defaultLogger;
  return previous;
}

/**
 * Sends a warning to the logger set with {@link setMetaLogger}.
 * Internal to the package (not re-exported from its index).
 *
 * @example
 * ```ts
 * warnMeta(`Invalid timestamp 'staged' in "${run.metaDir}"`);
 * ```
 */
export function warnMeta(message: string): void {
  current(message);
}
