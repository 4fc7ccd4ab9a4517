let last = 0;

/**
 * The current time in integer epoch microseconds, strictly increasing within
 * the process (docs/spec/lifecycle.md 2.3): when the clock has not moved past the
 * previous result, returns the previous result plus one.
 *
 * @returns epoch microseconds, a safe integer (~1.7e15)
 * @example
 * ```ts
 * const a = makeRunTimestamp();
 * const b = makeRunTimestamp(); // b > a, always
 * ```
 */
export function makeRunTimestamp(): number {
  const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  last = now > last ? now : last + 1;
  return last;
}
