import { rename } from 'node:fs/promises';
import type { Run } from '@gage/types';
import { distinctRuns, lockRuns, releaseLocks } from '../lock/_lock-runs.js';
import { pathExists } from './_path-exists.js';
import { removeRunFiles } from './_remove-run-files.js';
import { removeTree } from './_remove-tree.js';

/** Options of {@link deleteRuns}. */
export interface DeleteRunsOptions {
  /** Remove every file of the runs instead of moving them to the trash. */
  permanent?: boolean;
}

/**
 * Deletes runs (docs/spec/lifecycle.md 17, decision 8). First takes the run lock of
 * every run; if another process holds one (e.g. the run is running), the
 * locks taken are released and `RunLockedError` is thrown without changing
 * any run. A stale lock left by a runner that died is taken over.
 *
 * - Default: renames `<id>.meta` to `<id>.meta.deleted` (replacing a stale
 *   `<id>.meta.deleted`); the run dir, `.user` and `.project` stay. A run
 *   without `<id>.meta` (already deleted) is skipped.
 * - `permanent`: moves the meta dir to the trash (marked `purging`), removes
 *   the run dir and every other sidecar named `<id>.*` (never a run whose id
 *   merely starts with `<id>`), and the meta dir last, so an interrupted
 *   removal leaves a deleted run that a purge finishes; releasing the lock
 *   removes `<id>.lock`.
 *
 * @returns The runs deleted; after a plain delete their `metaDir` is the
 *   `.meta.deleted` dir.
 * @throws {RunLockedError} `ERR_GAGE_RUN_LOCKED`, `Run "<id>" is in use by another process`.
 * @example
 * ```ts
 * await deleteRuns(selectRuns(runs, ['1']));                      // to the trash
 * await deleteRuns(selectRuns(runs, [':']), { permanent: true }); // gone
 * ```
 */
export async function deleteRuns(runs: readonly Run[], options: DeleteRunsOptions = {}): Promise<Run[]> {
  const targets = distinctRuns(runs);
  const locks = await lockRuns(targets);
  const deleted: Run[] = [];
  try {
    for (const run of targets) {
      if (options.permanent) {
        await removeRunFiles(run);
        deleted.push(run);
        continue;
      }
      const metaDir = `${run.runDir}.meta`;
      const deletedDir = `${run.runDir}.meta.deleted`;
      if (!(await pathExists(metaDir))) continue;
      await removeTree(deletedDir);
      await rename(metaDir, deletedDir);
      deleted.push({ ...run, metaDir: deletedDir });
    }
  } finally {
    await releaseLocks(locks);
  }
  return deleted;
}
