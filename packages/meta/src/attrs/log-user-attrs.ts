import { access, rmdir, unlink } from 'node:fs/promises';
import type { JsonObject, Run } from '@gage/types';
import { RunGoneError } from '../errors.js';
import { osUser } from './_os-user.js';
import { runUserDir } from '../run/_run-paths.js';
import { logAttrs } from './log-attrs.js';
import { lockRun, type RunLock } from '../lock/run-lock.js';

/**
 * Changes a run's user attributes (docs/spec/lifecycle.md 14): logs one entry in
 * `<runsDir>/<id>.user`, authored by the OS user, that sets `set` and then
 * deletes the names in `del`. Does nothing when both are empty, or when only
 * deletions are asked and the run has no `.user` dir yet (nothing to delete).
 * Safe to call from many processes at once: every call adds its own file.
 *
 * Takes the run lock (docs/spec/lifecycle.md 1.1) for the write, so that a delete or
 * purge of the run cannot remove `.user` under it and leave a `.user` dir
 * without a run. When another process holds the lock (the run is running,
 * or being staged, labelled or deleted), the entry is written all the same
 * and the run's meta dir checked afterwards: a delete renames or removes it
 * before it removes `.user`, so a meta dir still there means the entry was
 * written before the delete, which then removes it with the rest. A run
 * whose meta dir is gone (before, or by that check) gets no entry, and any
 * entry or `.user` dir written for it is taken back.
 *
 * @returns The path of the new entry, or `undefined` when nothing was logged.
 * @throws {RunGoneError} `ERR_GAGE_RUN_GONE` when the run no longer exists (deleted meanwhile).
 * @example
 * ```ts
 * await logUserAttrs(run, { label: 'tuned' });  // gage label --set tuned
 * await logUserAttrs(run, {}, ['label']);       // gage label --clear
 * ```
 */
export async function logUserAttrs(run: Run, set: JsonObject, del: readonly string[] = []): Promise<string | undefined> {
  const hasSet = Object.keys(set).length > 0;
  if (!hasSet && del.length === 0) return undefined;
  let lock: RunLock | undefined;
  try {
    lock = await lockRun(run);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_GAGE_RUN_LOCKED') throw err;
  }
  try {
    if (!(await exists(run.metaDir))) throw new RunGoneError(run.id, run.metaDir);
    const dir = runUserDir(run);
    const hadDir = await exists(dir);
    if (!hasSet && !hadDir) return undefined;
    let path: string;
    try {
      path = await logAttrs(dir, osUser(), set, del);
    } catch (err) {
      // Without the lock a delete may have emptied `.user` under the write.
      if (lock || (await exists(run.metaDir))) throw err;
      throw new RunGoneError(run.id, run.metaDir, { cause: err });
    }
    if (!lock && !(await exists(run.metaDir))) {
      await unlink(path).catch(() => undefined);
      if (!hadDir) await rmdir(dir).catch(() => undefined); // only when empty: never another writer's entry
      throw new RunGoneError(run.id, run.metaDir);
    }
    return path;
  } finally {
    await lock?.release();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
