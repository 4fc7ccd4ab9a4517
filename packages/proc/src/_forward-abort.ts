import { constants } from 'node:os';
import { descendantPids, signalPids } from './_process-tree.js';

/** The part of a started process that {@link forwardAbort} needs. */
export interface Killable {
  readonly pid: number;
  /** Signals the process group of the process (see `spawnProcess`). */
  killGroup(signal: NodeJS.Signals): boolean;
  readonly exited: boolean;
}

/** Options of {@link forwardAbort}. */
export interface ForwardAbortOptions {
  /** On abort the process gets `SIGINT`, or the signal named by `signal.reason` when that is a signal name. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before a process still alive gets `SIGKILL` (default 10000; `Infinity` never). */
  killGraceMs?: number | undefined;
}

/**
 * Sends the abort signal to the process group of the process, exactly once,
 * as a terminal's Ctrl-C would (the process has a group of its own, which the
 * terminal does not signal: see `spawnProcess`), then SIGKILL after the grace
 * period. The group also holds what the process left behind after it exited
 * (a background job that keeps the output pipes open). A signal other than
 * SIGINT also goes to every descendant that left the group; SIGKILL goes to
 * the group and to every descendant seen at the abort and at the end of the
 * grace period.
 *
 * @returns a function that stops forwarding (call it once the process exited)
 */
export function forwardAbort(proc: Killable, options: ForwardAbortOptions): () => void {
  const signal = options.signal;
  if (!signal) return () => undefined;
  let killTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tree = new Set<number>();
  const onAbort = async (): Promise<void> => {
    const sig = signalFromReason(signal.reason);
    for (const pid of await descendantPids(proc.pid)) tree.add(pid);
    if (stopped) return;
    proc.killGroup(sig);
    if (sig !== 'SIGINT') signalPids(tree, sig);
    const grace = options.killGraceMs ?? 10_000;
    if (Number.isFinite(grace)) {
      killTimer = setTimeout(async () => {
        if (!proc.exited) for (const pid of await descendantPids(proc.pid)) tree.add(pid);
        proc.killGroup('SIGKILL');
        signalPids(tree, 'SIGKILL');
      }, grace);
      killTimer.unref?.();
    }
  };
  const listener = (): void => void onAbort();
  if (signal.aborted) listener();
  else signal.addEventListener('abort', listener, { once: true });
  return () => {
    stopped = true;
    signal.removeEventListener('abort', listener);
    clearTimeout(killTimer);
  };
}

/** The signal an abort reason names (`controller.abort('SIGTERM')`), else `SIGINT`. */
export function signalFromReason(reason: unknown): NodeJS.Signals {
  return typeof reason === 'string' && reason in constants.signals ? (reason as NodeJS.Signals) : 'SIGINT';
}
