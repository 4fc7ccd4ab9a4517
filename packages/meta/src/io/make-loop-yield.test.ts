import { describe, expect, test } from '@jest/globals';
import { LOOP_YIELD_CALLS, LOOP_YIELD_MS, makeLoopYield, type LoopYield } from './make-loop-yield.js';

/** Calls `pause` until it returns a promise; the number of calls it took. */
function callsUntilTurn(pause: LoopYield, max: number): [number, Promise<void> | undefined] {
  for (let i = 1; i <= max; i++) {
    const turn = pause();
    if (turn) return [i, turn];
  }
  return [max, undefined];
}

function busyWait(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // a synchronous stretch, as a loop of file calls is
  }
}

describe('makeLoopYield()', () => {
  test('returns nothing for quick calls, and a turn of the event loop after LOOP_YIELD_CALLS calls at most', async () => {
    const pause = makeLoopYield();
    for (let round = 0; round < 2; round++) {
      const [calls, turn] = callsUntilTurn(pause, LOOP_YIELD_CALLS);
      expect(turn).toBeInstanceOf(Promise);
      expect(calls).toBeLessThanOrEqual(LOOP_YIELD_CALLS);
      await turn;
    }
  });

  test('after LOOP_YIELD_MS, a turn within 16 calls, and a due timer runs within two turns', async () => {
    const pause = makeLoopYield();
    let fired = false;
    setTimeout(() => (fired = true), 0);
    busyWait(LOOP_YIELD_MS + 5);
    const [calls, turn] = callsUntilTurn(pause, 16);
    expect(calls).toBeLessThanOrEqual(16);
    await turn;
    // A turn may go from the poll phase straight to setImmediate's; the next one passes the timers.
    if (!fired) {
      busyWait(LOOP_YIELD_MS + 5);
      await callsUntilTurn(pause, 16)[1];
    }
    expect(fired).toBe(true);
  });
});
