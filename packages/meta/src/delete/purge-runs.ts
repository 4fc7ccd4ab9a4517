import type { Run } from '@gage/types';
import { deleteRuns } from './delete-runs.js';

/**
 * Permanently removes deleted runs (docs/spec/lifecycle.md 17): `deleteRuns(runs,
 * {permanent: true})`, i.e. every file named `<id>` or `<id>.*` of each run,
 * after taking all their locks.
 *
 * @returns The purged runs.
 * @throws {RunLockedError} `ERR_GAGE_RUN_LOCKED` when another process holds a run's lock; nothing is removed.
 * @example
 * ```ts
 * await purgeRuns(await listRuns(runsDir, { deleted: true })); // empty the trash
 * ```
 */
export async function purgeRuns(runs: readonly Run[]): Promise<Run[]> {
  return deleteRuns(runs, { permanent: true });
}
