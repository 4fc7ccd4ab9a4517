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
  const now = clockMicros();
  last = now > last ? now : last + 1;
  return last;
}

/** Epoch microseconds: the monotonic clock's when it is within 1 ms of the system clock, else the system clock's. */
function clockMicros(): number {
  const wall = Date.now() * 1000;
  const fine = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  return fine >= wall - 1000 && fine < wall + 1000 ? fine : wall;
}
