import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockRun, RUN_LOCK_STALE_MS, runLockState, runProcessPid, type RunLock } from '@gage/meta';
import type { Run } from '@gage/types';
import { finalizeRun } from './finalize-run.js';
import { isGroupAlive, isLiveProcess } from './_live-processes.js';
import { descendantPids, signalPids } from './_process-tree.js';

/** Options of {@link stopRun}. */
export interface StopRunOptions {
  /** Milliseconds after `SIGTERM` before what still lives gets `SIGKILL` (default 10000). */
  graceMs?: number | undefined;
  /**
   * Most milliseconds to wait, once the process is gone, for the run to be
   * finalized: by its runner, or here when the runner is dead (its lock turns
   * stale at most {@link RUN_LOCK_STALE_MS} after it died). Default: that
   * stale period plus 5 s.
   */
  finalizeWaitMs?: number | undefined;
  /** How often to look whether the processes are gone and the run finalized (ms, default 50). */
  pollMs?: number | undefined;
}

/** What {@link stopRun} did. */
export interface StopRunResult {
  /** The run process (and group) signalled; `undefined` when the run had no live process (not running, or it just ended). */
  pid: number | undefined;
  /** The last signal sent: `SIGTERM`, or `SIGKILL` when something still lived after the grace period. */
  signal: 'SIGTERM' | 'SIGKILL' | undefined;
  /**
   * Who finalized the run: `runner` (the `gage` process that runs it, or
   * anyone else who wrote `proc/exit`), `stop` (this call: the runner was
   * dead), or `undefined` (the process was a staging hook, so the run was
   * never started; or the wait for finalizing ran out).
   */
  finalizedBy: 'runner' | 'stop' | undefined;
}

/**
 * Stops a running run from any process (docs/spec/wave2.md decision 24,
 * docs/spec/cli.md 5.22): `SIGTERM` to the process group of the pid in
 * `proc/lock` (every run process leads its own group, docs/spec/lifecycle.md
 * 8.4) and to every descendant that left the group, then, if anything of it
 * still lives after `graceMs`, `SIGKILL` to the group and the descendants.
 * Waits until none of it is left. Then waits until the run is finalized:
 * its runner (the `gage` that runs it) records the exit (`-15`, status
 * `terminated`, for a process the signal killed). When the runner is dead
 * (killed with SIGKILL while its process lived on), nobody else would: once
 * the dead runner's lock is stale, `stopRun` takes it over and finalizes the
 * run itself with `-signum` of the last signal sent (`-15` or `-9`), its
 * finalize hook included, as the runner would have.
 *
 * Races are no errors: a run with no live process (never started, ended
 * before the signal) gives `pid: undefined` and nothing is signalled; a run
 * finalized by someone else while this waits counts as `runner`. A process
 * that handles `SIGTERM` and exits by itself keeps its own exit code (the
 * record shows what its process did).
 *
 * @param run the run
 * @param options `graceMs`, `finalizeWaitMs`, `pollMs`
 * @returns the pid signalled, the last signal, who finalized
 * @throws what `finalizeRun` throws when this call finalizes (a full disk, a failing finalize hook)
 * @example
 * ```ts
 * const { signal, finalizedBy } = await stopRun(run, { graceMs: 10_000 });
 * await runStatus(run); // 'terminated' for a process the signal killed
 * ```
 */
export async function stopRun(run: Run, options: StopRunOptions = {}): Promise<StopRunResult> {
  const pollMs = options.pollMs ?? 50;
  const pid = runProcessPid(run);
  if (pid === undefined) return { pid, signal: undefined, finalizedBy: undefined };
  const tree = new Set(await descendantPids(pid));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return { pid: undefined, signal: undefined, finalizedBy: undefined }; // ended between the look and the signal
  }
  signalPids(tree, 'SIGTERM');
  let signal: StopRunResult['signal'] = 'SIGTERM';
  const gone = async (): Promise<boolean> => !(await isGroupAlive(pid)) && ![...tree].some(isLiveProcess);
  if (!(await waitUntil(gone, options.graceMs ?? 10_000, pollMs))) {
    for (const p of await descendantPids(pid)) tree.add(p);
    signalPids([-pid], 'SIGKILL');
    signalPids(tree, 'SIGKILL');
    signal = 'SIGKILL';
    await waitUntil(gone, 5_000, pollMs); // SIGKILL cannot be refused; a reaper may be slow
  }
  const finalizedBy = await awaitFinalized(run, -constants.signals[signal], options.finalizeWaitMs ?? RUN_LOCK_STALE_MS + 5_000, pollMs);
  return { pid, signal, finalizedBy };
}

/**
 * Waits until the run's `proc/exit` exists (its runner finalized it) or its
 * runner is gone (the run lock is no longer held): then a run that was
 * started and never finalized is finalized here with `exitCode`, under the
 * dead runner's lock taken over. A run that was never started (a staging
 * hook was stopped) is left as it is.
 */
async function awaitFinalized(run: Run, exitCode: number, waitMs: number, pollMs: number): Promise<StopRunResult['finalizedBy']> {
  const finalized = () => existsSync(join(run.metaDir, 'proc', 'exit'));
  let result: StopRunResult['finalizedBy'];
  await waitUntil(async () => {
    if (finalized()) return (result = 'runner'), true;
    if ((await runLockState(run)) === 'held') return false;
    if (!existsSync(join(run.metaDir, 'started'))) return true;
    let lock: RunLock;
    try {
      lock = await lockRun(run);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_GAGE_RUN_LOCKED') return false; // someone else took it: wait for them
      throw err;
    }
    try {
      if (finalized()) return (result = 'runner'), true;
      await finalizeRun(run, exitCode, { lock });
      return (result = 'stop'), true;
    } finally {
      await lock.release();
    }
  }, waitMs, pollMs);
  return result;
}

/** Polls `done` until it is true (→ true) or `ms` have passed (→ false). */
async function waitUntil(done: () => Promise<boolean>, ms: number, pollMs: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
  }
}
