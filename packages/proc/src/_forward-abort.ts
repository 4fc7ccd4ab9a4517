import { constants } from 'node:os';
import { descendantPids, signalPids } from './_process-tree.js';

/** The part of a started process that {@link forwardAbort} needs. */
export interface Killable {
  readonly pid: number;
  /** Signals the process group of the process (see `spawnProcess`). */
  killGroup(signal: NodeJS.Signals): boolean;
  /** True while any process of the group lives (the process itself where it has no group). */
  groupAlive(): boolean;
  readonly exited: boolean;
}

/** Options of {@link forwardAbort}. */
export interface ForwardAbortOptions {
  /** On abort the process gets `SIGINT`, or the signal named by `signal.reason` when that is a signal name. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before a process still alive gets `SIGKILL` (default 10000; `Infinity` never). */
  killGraceMs?: number | undefined;
}

/** How often {@link forwardAbort}'s `finish` looks whether what it stopped is gone. */
const POLL_MS = 50;

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
 * @returns `finish()`, to call once the process exited: after an abort it
 *   first waits until nothing of the group and of the descendants seen is
 *   left, or the grace period ended with SIGKILL; then it stops forwarding.
 */
export function forwardAbort(proc: Killable, options: ForwardAbortOptions): () => Promise<void> {
  const signal = options.signal;
  if (!signal) return async () => undefined;
  const grace = options.killGraceMs ?? 10_000;
  let killTimer: ReturnType<typeof setTimeout> | undefined;
  let killed: Promise<void> | undefined;
  let aborting: Promise<void> | undefined;
  let stopped = false;
  const tree = new Set<number>();
  const onAbort = async (): Promise<void> => {
    const sig = signalFromReason(signal.reason);
    for (const pid of await descendantPids(proc.pid)) tree.add(pid);
    if (stopped) return;
    proc.killGroup(sig);
    if (sig !== 'SIGINT') signalPids(tree, sig);
    if (!Number.isFinite(grace)) return;
    const killTree = async (): Promise<void> => {
      if (!proc.exited) { for (const pid of await descendantPids(proc.pid)) tree.add(pid); }
      proc.killGroup('SIGKILL');
      signalPids(tree, 'SIGKILL');
    };
    killed = new Promise<void>((resolve) => {
      // killTree does not reject (descendantPids gives [] when ps fails, signals to gone pids are ignored).
      killTimer = setTimeout(() => void killTree().then(resolve), grace);
      killTimer.unref?.();
    });
  };
  const listener = (): void => void (aborting = onAbort());
  if (signal.aborted) listener();
  else signal.addEventListener('abort', listener, { once: true });
  const gone = (): boolean => !proc.groupAlive() && ![...tree].some(isAlive);
  return async () => {
    signal.removeEventListener('abort', listener);
    await aborting;
    if (killed) {
      let poll: ReturnType<typeof setTimeout> | undefined;
      const allGone = new Promise<void>((resolve) => {
        const look = (): void => {
          if (gone()) resolve();
          else poll = setTimeout(look, POLL_MS);
        };
        look();
      });
      await Promise.race([killed, allGone]);
      clearTimeout(poll);
    }
    stopped = true;
    clearTimeout(killTimer);
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The signal an abort reason names (`controller.abort('SIGTERM')`), else `SIGINT`. */
export function signalFromReason(reason: unknown): NodeJS.Signals {
  return typeof reason === 'string' && reason in constants.signals ? (reason as NodeJS.Signals) : 'SIGINT';
}
