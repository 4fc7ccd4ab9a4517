/** The signals that stop `gage run`, while it stages and while its run executes (decision 11). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The name of a signal that stops `gage run`. */
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** Signal handlers set up by {@link abortOnSignals}. */
export interface SignalAbort {
  /** Aborted with the signal's name (`signal.reason`) when `gage` gets SIGINT, SIGTERM or SIGHUP. */
  signal: AbortSignal;
  /** Removes the handlers. */
  dispose(): void;
}

/**
 * Turns SIGINT, SIGTERM and SIGHUP to `gage` into an abort of the returned
 * signal (its reason is the signal's name) instead of the default exit.
 * `gage run` passes it to `stageRun` while it initializes and stages a run
 * (a running hook is stopped, the run stays `pending`) and to `execRun`
 * while the run executes (the run process is stopped and finalized).
 *
 * @returns the signal and a `dispose` that removes the handlers
 * @example
 * ```ts
 * const stop = abortOnSignals();
 * try { await stageRun(run, projectDir, { lock, signal: stop.signal }); } finally { stop.dispose(); }
 * ```
 */
export function abortOnSignals(): SignalAbort {
  const controller = new AbortController();
  const handlers = STOP_SIGNALS.map((sig) => [sig, () => controller.abort(sig)] as const);
  for (const [sig, handler] of handlers) process.on(sig, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [sig, handler] of handlers) process.off(sig, handler);
    },
  };
}
