import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `tick` now and again `delay(result)` ms after each call ends
 * (`undefined`: stop), until the component goes or `deps` change.
 */
export function usePoll<T>(tick: () => Promise<T>, delay: (result: T | Error) => number | undefined, deps: unknown[]): void {
  const live = useRef(0);
  useEffect(() => {
    const generation = ++live.current;
    let timer: number | undefined;
    const run = async () => {
      let result: T | Error;
      try {
        result = await tick();
      } catch (err) {
        result = err as Error;
      }
      if (live.current !== generation) return;
      const ms = delay(result);
      if (ms !== undefined) timer = window.setTimeout(() => void run(), ms);
    };
    void run();
    return () => {
      live.current++;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, deps);
}
