import { join } from 'node:path';
import type { Run } from '@gage/types';
import { findOrphanedRunFiles } from './find-orphaned-run-files.js';
import { pathExists } from './_path-exists.js';
import { removeTree } from './_remove-tree.js';
import { lockRun } from '../lock/run-lock.js';

/**
 * Removes the files {@link findOrphanedRunFiles} finds, id by id, each under
 * that id's run lock (docs/spec/lifecycle.md 1.1): an id whose lock another process
 * holds (a delete of that run is still going on) is skipped, and so is one
 * that has a meta dir again by the time its lock is taken. Releasing the
 * lock removes `<id>.lock`.
 *
 * @param runsDir the runs dir
 * @returns the paths removed
 * @example
 * ```ts
 * const removed = await removeOrphanedRunFiles(runsDir); // ['/runs/6f1c…', '/runs/6f1c….user']
 * ```
 */
export async function removeOrphanedRunFiles(runsDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const { id, paths } of await findOrphanedRunFiles(runsDir)) {
    const runDir = join(runsDir, id);
    // Not a loadable run: a stand-in with the paths the lock uses.
    const run: Run = { id, name: '', runDir, metaDir: `${runDir}.meta` };
    let lock;
    try {
      lock = await lockRun(run);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_GAGE_RUN_LOCKED') continue;
      throw err;
    }
    try {
      if ((await pathExists(`${runDir}.meta`)) || (await pathExists(`${runDir}.meta.deleted`))) continue;
      for (const path of paths) {
        if (path !== `${runDir}.lock`) await removeTree(path);
        removed.push(path);
      }
    } finally {
      await lock.release(); // removes <id>.lock
    }
  }
  return removed;
}
