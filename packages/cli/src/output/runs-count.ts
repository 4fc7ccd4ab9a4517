/**
 * `1 run` / `N runs`. A module of its own: `gage run` prints it, and the
 * runs list (with its worker thread) is no part of that path.
 *
 * @example
 * ```ts
 * runsCount(2); // '2 runs'
 * ```
 */
export function runsCount(n: number): string {
  return n === 1 ? '1 run' : `${n} runs`;
}
