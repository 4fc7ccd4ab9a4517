let last = 0;

/**
 * Milliseconds since the epoch, strictly increasing within a process
 * (docs/spec/lifecycle.md 2.4): when the clock has not moved past the previous result,
 * returns the previous result + 1. Pair it with {@link makeLogId} so that two
 * log entries written by one process always sort in the order written.
 *
 * @example
 * ```ts
 * const a = nowMs();
 * const b = nowMs(); // b > a, always
 * ```
 */
export function nowMs(): number {
  const now = Date.now();
  last = now > last ? now : last + 1;
  return last;
}
