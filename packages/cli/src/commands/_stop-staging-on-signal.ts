/** The signals that stop `gage run` (the same as while the run executes, `_run-exec.ts`). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A signal handler set up by {@link stopStagingOnSignal}. */
export interface StagingSignals {
  /** Aborted with the signal's name when `gage` gets SIGINT, SIGTERM or SIGHUP. */
  signal: AbortSignal;
  /** Removes the handlers (call it before the run starts: `execAndFinalize` sets its own). */
  dispose(): void;
}

/**
 * While a run is initialized and staged, SIGINT, SIGTERM or SIGHUP to
 * `gage` abort the returned signal, which `stageRun` takes: a running
 * staging hook is stopped with that signal, no further phase runs, the run
 * stays `pending` and `stageRun` fails with `StagingStoppedError`. The
 * caller then releases the run lock (so the run can be deleted at once, not
 * after the lock's stale period) and exits `128 + signum`.
 *
 * @returns the signal and a `dispose` that removes the handlers
 * @example
 * ```ts
 * const stop = stopStagingOnSignal();
 * try { await stageRun(run, projectDir, { lock, signal: stop.signal }); } finally { stop.dispose(); }
 * ```
 */
export function stopStagingOnSignal(): StagingSignals {
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
