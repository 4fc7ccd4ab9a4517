import { rename } from 'node:fs/promises';
import type { Run } from '@gage/types';
import { distinctRuns, lockRuns, releaseLocks } from '../lock/_lock-runs.js';
import { pathExists } from './_path-exists.js';
import { PURGING_MARKER } from './_remove-run-files.js';
import { warnMeta } from '../meta-logger.js';

/**
 * Restores deleted runs (docs/spec/lifecycle.md 17): renames `<id>.meta.deleted` back
 * to `<id>.meta`. Takes every run's lock first, like {@link deleteRuns}
 * (held by another process: `RunLockedError`, nothing changed). When
 * `<id>.meta` already exists, warns `<id> has already been restored` and
 * skips the run; a run without `<id>.meta.deleted` is skipped too, and so is
 * a run whose permanent delete was interrupted (it has lost files), with the
 * warning `Run "<id>" was partly removed by an interrupted permanent delete
 * and cannot be restored; purge it`.
 *
 * @returns The restored runs, their `metaDir` now the `.meta` dir.
 * @throws {RunLockedError} `ERR_GAGE_RUN_LOCKED`, `Run "<id>" is in use by another process`.
 * @example
 * ```ts
 * const trash = await listRuns(runsDir, { deleted: true, sort: ['-timestamp'] });
 * const restored = await restoreRuns(selectRuns(trash, ['1']));
 * ```
 */
export async function restoreRuns(runs: readonly Run[]): Promise<Run[]> {
  const targets = distinctRuns(runs);
  const locks = await lockRuns(targets);
  const restored: Run[] = [];
  try {
    for (const run of targets) {
      const metaDir = `${run.runDir}.meta`;
      const deletedDir = `${run.runDir}.meta.deleted`;
      if (await pathExists(metaDir)) {
        warnMeta(`${run.id} has already been restored`);
        continue;
      }
      if (!(await pathExists(deletedDir))) continue;
      if (await pathExists(`${deletedDir}/${PURGING_MARKER}`)) {
        warnMeta(`Run "${run.id}" was partly removed by an interrupted permanent delete and cannot be restored; purge it`);
        continue;
      }
      await rename(deletedDir, metaDir);
      restored.push({ ...run, metaDir });
    }
  } finally {
    await releaseLocks(locks);
  }
  return restored;
}
