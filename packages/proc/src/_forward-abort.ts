import { constants } from 'node:os';
import { descendantPids, signalPids } from './_process-tree.js';

/** The part of a started process that {@link forwardAbort} needs. */
export interface Killable {
  readonly pid: number;
  kill(signal: NodeJS.Signals): boolean;
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
 * Sends the abort signal to the process, then SIGKILL after the grace period.
 * A signal other than SIGINT also goes to every descendant (a shell's child,
 * workers), which a terminal's Ctrl-C reaches by itself; SIGKILL goes to the
 * whole tree seen at the abort and at the end of the grace period, so
 * children left behind that hold the output pipes are stopped too.
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
    proc.kill(sig);
    if (sig !== 'SIGINT') signalPids(tree, sig);
    const grace = options.killGraceMs ?? 10_000;
    if (Number.isFinite(grace)) {
      killTimer = setTimeout(async () => {
        if (!proc.exited) for (const pid of await descendantPids(proc.pid)) tree.add(pid);
        proc.kill('SIGKILL');
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
