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

/** Where {@link execAndFinalize}-style code gets its signal aborts from: the process, or a {@link SignalHub}. */
export interface SignalSource {
  /** A new {@link SignalAbort}, aborted by the next SIGINT, SIGTERM or SIGHUP. */
  abortOnSignals(): SignalAbort;
}

/** The process's signals, handed out to several runs at once (see {@link signalHub}). */
export interface SignalHub extends SignalSource {
  /** Aborted by the first SIGINT, SIGTERM or SIGHUP (its reason is the signal's name). */
  signal: AbortSignal;
  /** Removes the handlers from the process. */
  dispose(): void;
}

/**
 * One set of SIGINT, SIGTERM and SIGHUP handlers for several runs that run
 * at once (`gage run --start` of several runs, docs/spec/cli.md 5.1): `signal`
 * aborts at the first signal (start no more runs), and each
 * `abortOnSignals()` of the hub works like the module's own
 * {@link abortOnSignals} (aborted by the next signal), without adding
 * handlers to the process per run.
 *
 * @returns the hub; `dispose()` it when the runs are done
 * @example
 * ```ts
 * const hub = signalHub();
 * try { await Promise.all(runs.map((run) => execAndFinalize(ctx, run, lock, display, op, { signals: hub }))); }
 * finally { hub.dispose(); }
 * ```
 */
export function signalHub(): SignalHub {
  const first = new AbortController();
  const listeners = new Set<AbortController>();
  const handlers = STOP_SIGNALS.map((sig) =>
    [sig, () => {
      first.abort(sig);
      for (const controller of listeners) controller.abort(sig);
    }] as const
  );
  for (const [sig, handler] of handlers) process.on(sig, handler);
  return {
    signal: first.signal,
    abortOnSignals: () => {
      const controller = new AbortController();
      listeners.add(controller);
      return { signal: controller.signal, dispose: () => void listeners.delete(controller) };
    },
    dispose: () => {
      for (const [sig, handler] of handlers) process.off(sig, handler);
      listeners.clear();
    },
  };
}
