import type { Run } from '@gage/types';
import { lockRun, type RunLock } from './run-lock.js';

/**
 * Takes the run lock (docs/spec/lifecycle.md 1.1) of every run, in list order. When
 * one cannot be taken (held by another process: `RunLockedError`), releases
 * the locks taken so far and rethrows, so the caller changes nothing.
 * A run listed twice (same run dir) is locked once.
 */
export async function lockRuns(runs: readonly Run[]): Promise<RunLock[]> {
  const seen = new Set<string>();
  const locks: RunLock[] = [];
  try {
    for (const run of runs) {
      if (seen.has(run.runDir)) continue;
      seen.add(run.runDir);
      locks.push(await lockRun(run));
    }
  } catch (err) {
    await releaseLocks(locks);
    throw err;
  }
  return locks;
}

/** Releases every lock; a failing release does not keep the others held. */
export async function releaseLocks(locks: readonly RunLock[]): Promise<void> {
  const results = await Promise.allSettled(locks.map((lock) => lock.release()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The distinct runs of a list (by run dir), in list order. */
export function distinctRuns(runs: readonly Run[]): Run[] {
  const seen = new Set<string>();
  return runs.filter((run) => !seen.has(run.runDir) && (seen.add(run.runDir), true));
}
