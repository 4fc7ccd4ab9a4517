import { lstat, utimes } from 'node:fs/promises';
import { lock } from 'proper-lockfile';
import { fileSystemError, type Run } from '@gage/types';
import { InvalidRunLockError, RunLockedError } from '../errors.js';
import { warnMeta } from '../meta-logger.js';
import { sweepTempFiles } from './_sweep-temp-files.js';
import { isRunProcessAlive, readProcLockPid } from '../status/_run-process-alive.js';

/** A lock is stale once its mtime is older than this (ms); the same in every process (docs/spec/lifecycle.md 1.1). */
export const RUN_LOCK_STALE_MS = 10_000;
/** How often the holder refreshes the lock's mtime (ms). */
export const RUN_LOCK_UPDATE_MS = 5_000;

/** Options of {@link lockRun}. */
export interface LockRunOptions {
  /**
   * Called when the lock was compromised while held (its dir removed or
   * taken over, its mtime changed by someone else). Default: a warning
   * through `setMetaLogger`'s logger; `proper-lockfile`'s own default would
   * throw from a timer and crash the runner mid-run.
   */
  onCompromised?: ((err: Error) => void) | undefined;
}

/** A held run lock; {@link RunLock.release} gives it back. */
export class RunLock {
  /** The locked run. */
  readonly run: Run;
  #release: (() => Promise<void>) | undefined;

  constructor(run: Run, release: () => Promise<void>) {
    this.run = run;
    this.#release = release;
  }

  /** True until {@link RunLock.release} was called or the lock was compromised. */
  get held(): boolean {
    return this.#release !== undefined;
  }

  /** Called by {@link lockRun} when `proper-lockfile` reports the lock compromised (it is no longer ours). */
  lost(): void {
    this.#release = undefined;
  }

  /**
   * Releases the lock (removes `<runsDir>/<id>.lock`). A second call, or a
   * call after the lock was compromised, does nothing.
   *
   * @example
   * ```ts
   * const lock = await lockRun(run);
   * try { await stageRun(run, projectDir, { lock }); } finally { await lock.release(); }
   * ```
   */
  async release(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    if (release) await release();
  }
}

/**
 * Takes the run lock (docs/spec/lifecycle.md 1.1, decision 5): `proper-lockfile` on
 * `<runsDir>/<id>` (the run dir's path, also for a deleted run), which creates
 * the dir `<runsDir>/<id>.lock` beside the meta dir. The holder refreshes it
 * every 5 s; a lock not refreshed for 10 s is stale and taken over. No retries.
 * A lock whose mtime lies more than 10 s in the future (no holder on this
 * clock could have set it, and it would never turn stale) counts as stale
 * too: its mtime is reset so that it is taken over.
 * Taking over a stale lock also removes the temp files that atomic meta
 * writes of dead processes left in the run's meta dir. A run whose process
 * still lives (the process group named by `proc/lock`, e.g. after its runner
 * was killed) is in use whatever the state of the lock: `RunLockedError`.
 *
 * @param run the run
 * @param options `{onCompromised}`
 * @returns the held lock
 * @throws {RunLockedError} `ERR_GAGE_RUN_LOCKED` (`Run "<id>" is in use by
 *   another process`) when the lock is held, by another process or this one,
 *   or the run's process still lives
 * @throws {InvalidRunLockError} `ERR_GAGE_INVALID_RUN_LOCK` when
 *   `<runsDir>/<id>.lock` is not a directory (Gage never makes that)
 * @throws {FileSystemError} `ERR_GAGE_READ_ONLY`, `ERR_GAGE_NO_SPACE`,
 *   `ERR_GAGE_PERMISSION` when the lock dir cannot be made
 * @example
 * ```ts
 * const lock = await lockRun(run);
 * try { … } finally { await lock.release(); }
 * ```
 */
export async function lockRun(run: Run, options: LockRunOptions = {}): Promise<RunLock> {
  const report = options.onCompromised ?? ((err: Error) => warnMeta(`Lock of run "${run.id}" was compromised: ${err.message}`));
  let runLock: RunLock | undefined;
  const onCompromised = (err: Error) => {
    runLock?.lost();
    report(err);
  };
  const found = await readLockDir(run);
  // A held lock is refused below as always; without a live holder, a live run process still holds the run.
  const pid = found === 'held' ? undefined : readProcLockPid(run.metaDir);
  if (isRunProcessAlive(pid)) {
    throw new RunLockedError(run.id, { hint: `Its process ${pid} still runs although its runner stopped; stop it with 'kill -TERM -${pid}', then try again.` });
  }
  // A stale lock means its holder died; it may have died between a temp file's write and its rename.
  if (found === 'future') await expireFutureLock(run);
  const wasStale = found === 'stale' || found === 'future';
  try {
    const release = await lock(run.runDir, {
      realpath: false,
      stale: RUN_LOCK_STALE_MS,
      update: RUN_LOCK_UPDATE_MS,
      retries: 0,
      onCompromised,
    });
    runLock = new RunLock(run, release);
    if (wasStale) sweepTempFiles(run.metaDir);
    return runLock;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A file (not a dir) at <id>.lock: reported as held while fresh, ENOTDIR once stale.
    if ((code === 'ELOCKED' || code === 'ENOTDIR') && (await readLockDir(run)) === 'not a dir') {
      throw new InvalidRunLockError(run.id, `${run.runDir}.lock`, { cause: err });
    }
    if (code === 'ELOCKED') throw new RunLockedError(run.id, { cause: err });
    throw fileSystemError(err, { action: `Cannot lock run "${run.id}"` }) ?? err;
  }
}

/** State of a run lock as a reader sees it. */
export type RunLockState = 'none' | 'held' | 'stale';

/**
 * The state of a run's lock, without taking it: `none` when
 * `<runsDir>/<id>.lock` is missing (or not a directory: not a lock), `stale`
 * when its mtime is older than the stale period (10 s: its holder died) or
 * more than that in the future (no live holder sets that), else `held`.
 *
 * @param run the run
 * @returns `'none'`, `'held'` or `'stale'`
 * @example
 * ```ts
 * if ((await runLockState(run)) === 'stale') console.log('the runner died');
 * ```
 */
export async function runLockState(run: Run): Promise<RunLockState> {
  const found = await readLockDir(run);
  return found === 'not a dir' ? 'none' : found === 'future' ? 'stale' : found;
}

/** What is at `<runsDir>/<id>.lock`: nothing, a fresh or stale lock dir, a dir dated in the future, or something else. */
async function readLockDir(run: Run): Promise<RunLockState | 'future' | 'not a dir'> {
  let st;
  try {
    st = await lstat(`${run.runDir}.lock`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'none';
    throw err;
  }
  if (!st.isDirectory()) return 'not a dir';
  const now = Date.now();
  if (st.mtimeMs > now + RUN_LOCK_STALE_MS) return 'future';
  return st.mtimeMs < now - RUN_LOCK_STALE_MS ? 'stale' : 'held';
}

/**
 * Dates a lock dir whose mtime is in the future back to the epoch, so that
 * `proper-lockfile` sees it stale and takes it over (it only compares the
 * mtime with now minus the stale period). Checked again just before: a lock
 * taken in the meantime has a present mtime and is left alone.
 */
async function expireFutureLock(run: Run): Promise<void> {
  if ((await readLockDir(run)) !== 'future') return;
  await utimes(`${run.runDir}.lock`, 0, 0).catch(() => undefined);
}
