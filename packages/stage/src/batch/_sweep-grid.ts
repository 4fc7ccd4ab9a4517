/** The values of a grid function, computed on demand: a range may be long. */
export interface GridValues {
  size: number;
  at(index: number): number | bigint;
}

/**
 * `range[start:stop:step]` (decision 23): start, start + step, ... up to
 * and including stop when a step lands on it; integers when all three are.
 *
 * @throws {SyntaxError} a zero step, or a range with no value
 */
export function gridRange(args: (number | bigint)[]): GridValues {
  const [start, stop, step = 1n] = args as [number | bigint, number | bigint, (number | bigint)?];
  if (Number(step) === 0) throw new SyntaxError('the step cannot be 0');
  if (typeof start === 'bigint' && typeof stop === 'bigint' && typeof step === 'bigint') {
    const size = (stop - start) / step + 1n;
    if (size < 1n) throw new SyntaxError(`no value goes from ${start} to ${stop} by ${step}`);
    return { size: Number(size), at: (i) => start + BigInt(i) * step };
  }
  const [a, b, s] = [Number(start), Number(stop), Number(step)];
  // A step that lands on stop up to rounding (0.1 steps) still includes it.
  const size = Math.floor((b - a) / s + 1e-9) + 1;
  if (!(size >= 1)) throw new SyntaxError(`no value goes from ${String(start)} to ${String(stop)} by ${String(step)}`);
  return { size, at: (i) => round(a + i * s) };
}

/**
 * The i-th of `count` evenly spaced values from `start` to `stop`, both
 * included (`linspace`), or 10 to the power of it (`logspace`).
 */
export function spacedValue(start: number, stop: number, count: number, i: number, log: boolean): number {
  const x = count === 1 || i === 0 ? start : i === count - 1 ? stop : start + (i * (stop - start)) / (count - 1);
  return round(log ? 10 ** x : x);
}

/** Drops the noise of float arithmetic (`0.1 * 3` is `0.3`, not `0.30000000000000004`). */
function round(x: number): number {
  return Number(x.toPrecision(15));
}
