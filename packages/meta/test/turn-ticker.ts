import { setImmediate } from 'node:timers';

/**
 * Calls `onTurn(k)` (k = 1, 2, ...) once per turn of the event loop until
 * the returned function is called. A long synchronous loop gives it no turn
 * at all: what `onTurn` changes on disk shows whether such a loop let the
 * event loop (and the run lock's refresh timer) run midway.
 */
export function startTurnTicker(onTurn: (turn: number) => void): () => void {
  let stopped = false;
  let turn = 0;
  const tick = () => {
    if (stopped) return;
    onTurn(++turn);
    setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    stopped = true;
  };
}
