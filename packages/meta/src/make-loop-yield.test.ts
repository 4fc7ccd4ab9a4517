import { describe, expect, test } from '@jest/globals';
import { LOOP_YIELD_CALLS, LOOP_YIELD_MS, makeLoopYield } from './make-loop-yield.js';

describe('makeLoopYield()', () => {
  test('returns nothing for quick calls, then a turn of the event loop every LOOP_YIELD_CALLS calls', async () => {
    const pause = makeLoopYield();
    let turns = 0;
    for (let i = 1; i <= 2 * LOOP_YIELD_CALLS; i++) {
      const wait = pause();
      if (wait !== undefined) {
        turns++;
        await wait;
      }
    }
    // Time may add turns on a slow machine; the count alone gives at least these.
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  test('a pause after LOOP_YIELD_MS lets a due timer run', async () => {
    const pause = makeLoopYield();
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const start = performance.now();
    while (performance.now() - start < LOOP_YIELD_MS + 5) {
      // A synchronous loop long enough for the time rule (the timer is due too).
    }
    const wait = pause();
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    // One turn may come from the poll phase straight to setImmediate; a second one passes the timers.
    if (!fired) await makeLoopYieldTurn();
    expect(fired).toBe(true);
  });
});

/** A pause that always turns (a new function past its time budget). */
async function makeLoopYieldTurn(): Promise<void> {
  const pause = makeLoopYield();
  const start = performance.now();
  while (performance.now() - start < LOOP_YIELD_MS + 1) {
    // wait out the time rule
  }
  await pause();
}
