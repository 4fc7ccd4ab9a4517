import { setImmediate } from 'node:timers';

/** A loop calling a {@link makeLoopYield} function gives the event loop a turn at least this often (ms). */
export const LOOP_YIELD_MS = 50;
/** ...and at least every this many calls, however fast they are. */
export const LOOP_YIELD_CALLS = 512;

/** The function {@link makeLoopYield} returns: `undefined` most of the time, a promise when the loop should wait for it. */
export type LoopYield = () => Promise<void> | undefined;

/**
 * Makes the pause function of one long loop of synchronous file calls
 * (copying, hashing or scanning thousands of files). Such a loop never lets
 * the event loop run, so timers wait until it ends: the run lock's refresh
 * (every 5 s, `lockRun`) among them, and a lock not refreshed for 10 s looks
 * stale to every other process, which may then take the run over or delete
 * it while it stages. Awaiting the returned promise gives the event loop one
 * turn (its timers and I/O callbacks run); it is returned every
 * {@link LOOP_YIELD_MS} ms or {@link LOOP_YIELD_CALLS} calls, whichever comes
 * first, and costs microseconds, so the loop keeps its synchronous speed.
 *
 * @returns a function to call once per item: `await` its result when it is
 *   a promise (only then: an `await` per item would cost more than the item)
 * @example
 * ```ts
 * const pause = makeLoopYield();
 * for (const path of paths) {
 *   copyFileSync(join(src, path), join(dst, path));
 *   const turn = pause();
 *   if (turn) await turn;
 * }
 * ```
 */
export function makeLoopYield(): LoopYield {
  let calls = 0;
  let last = performance.now();
  const resume = (done: () => void): void => {
    calls = 0;
    last = performance.now();
    done();
  };
  return () => {
    // The clock is read every 16th call only: the loop's own items are often only microseconds.
    if (++calls % 16 !== 0 || (calls < LOOP_YIELD_CALLS && performance.now() - last < LOOP_YIELD_MS)) return undefined;
    // setImmediate, not a resolved promise: a promise continuation runs before timers and I/O ever do.
    return new Promise<void>((done) => setImmediate(resume, done));
  };
}
