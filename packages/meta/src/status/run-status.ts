import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Run, RunStatus } from '@gage/types';
import { parseMetaInteger } from '../meta-file/_parse-meta-integer.js';
import { isPidAlive } from './is-pid-alive.js';
import { isRunProcessAlive } from './_run-process-alive.js';
import { warnMeta } from '../meta-logger.js';
import { readTextSync } from '../io/read-text-sync.js';
import { runLockState } from '../lock/run-lock.js';
import { SUBMITTED_FILE } from '../submit/run-submission.js';

/**
 * The status of a run (docs/spec/lifecycle.md 11), first match wins:
 *
 * 1. `proc/exit` is an integer: `0` → `completed`, negative → `terminated`,
 *    positive → `error` (a malformed one warns
 *    `Invalid exit status in "<metaDir>": <text>` and is skipped);
 * 2. `proc/lock` exists: a pid that is not an integer in 1..2^31-1 warns
 *    `Invalid pid in "proc/lock" of "<metaDir>": <text>` and is
 *    `terminated`; a pid that is alive and leads its own process group (the
 *    run process, also when its runner died) → `running`; the pid is not
 *    alive, or the run lock is stale (the runner died) → `terminated`; else
 *    `running`. For a submitted run (`submitted` exists) the pid is not
 *    looked at (it may live on another node): a held run lock → `running`,
 *    a stale or missing one → `terminated`;
 * 3. `staged` exists → `staged`, unless the process ran and its runner
 *    ended without finalizing (`started` and `output/40_run` exist, no live
 *    run lock) → `terminated`; else `queued` when `submitted` exists (a
 *    scheduler task will start it), else `staged`; 4. `initialized` exists → `pending`;
 * 5. otherwise `unknown`.
 *
 * Never takes the run lock. An unreadable file warns and is skipped.
 *
 * @param run the run
 * @returns its status
 * @example
 * ```ts
 * await runStatus(await makeRun(runsDir)); // 'unknown'
 * ```
 */
export async function runStatus(run: Run): Promise<RunStatus> {
  const exitText = readOrWarn(run, 'proc/exit');
  if (exitText !== undefined) {
    const exit = parseMetaInteger(exitText);
    if (exit === undefined) warnMeta(`Invalid exit status in "${run.metaDir}": ${exitText}`);
    else return exit === 0 ? 'completed' : exit < 0 ? 'terminated' : 'error';
  }
  const lockText = readOrWarn(run, 'proc/lock');
  if (lockText !== undefined) {
    const pid = parseMetaInteger(lockText);
    if (pid === undefined || pid <= 0 || pid > 0x7fff_ffff) {
      // A damaged proc/lock: the run cannot be running, and listing must not fail on it.
      warnMeta(`Invalid pid in "proc/lock" of "${run.metaDir}": ${lockText.trimEnd().slice(0, 40)}`);
      return 'terminated';
    }
    // A submitted run's process may live on another node, where its pid means nothing here: its run lock decides.
    const submitted = readOrWarn(run, SUBMITTED_FILE) !== undefined;
    if (!submitted && isRunProcessAlive(pid)) return 'running';
    if (!submitted && !isPidAlive(pid)) return 'terminated';
    try {
      const lock = await runLockState(run);
      return lock === 'stale' || (submitted && lock === 'none') ? 'terminated' : 'running';
    } catch (err) {
      warnMeta(`Cannot read the lock of run "${run.id}": ${(err as Error).message}`);
      return 'running';
    }
  }
  if (readOrWarn(run, 'staged') !== undefined) {
    if (await endedUnfinalized(run)) return 'terminated';
    // Submitted to a scheduler, and its task has not started it yet (docs/spec/lifecycle.md 11, docs/spec/wave2.md decision 27).
    return readOrWarn(run, SUBMITTED_FILE) !== undefined ? 'queued' : 'staged';
  }
  if (readOrWarn(run, 'initialized') !== undefined) return 'pending';
  return 'unknown';
}

/**
 * True when a staged run's process ran (`started` and its output exist)
 * while nobody finalizes it: no `proc/lock`, no `proc/exit`, and no live
 * run lock. Its runner died (SIGKILL) or gave up (a full disk) between the
 * end of the process and finalize. With a live lock the runner is about to
 * finalize, and the run stays `staged` as docs/spec/lifecycle.md 11 says; a failed
 * spawn leaves no output, so that run can still be started.
 */
async function endedUnfinalized(run: Run): Promise<boolean> {
  if (!existsSync(join(run.metaDir, 'started')) || !existsSync(join(run.metaDir, 'output', '40_run'))) return false;
  try {
    return (await runLockState(run)) !== 'held';
  } catch {
    return false;
  }
}

/**
 * Reads one small status file. Synchronous on purpose, like listing
 * (`_load-run.ts`): `gage runs` computes the status of every listed run, and
 * one sync read costs a fraction of a promise-based one (10,000 runs must
 * list with status in under half a second).
 */
function readOrWarn(run: Run, file: string): string | undefined {
  try {
    return readTextSync(join(run.metaDir, ...file.split('/')));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    warnMeta(`Cannot read "${file}" in "${run.metaDir}": ${(err as Error).message}`);
    return undefined;
  }
}
