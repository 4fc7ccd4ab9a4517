import { access } from 'node:fs/promises';
import type { JsonObject, Run } from '@gage/types';
import { osUser } from './_os-user.js';
import { runUserDir } from './_run-paths.js';
import { logAttrs } from './log-attrs.js';

/**
 * Changes a run's user attributes (lifecycle.md 14): logs one entry in
 * `<runsDir>/<id>.user`, authored by the OS user, that sets `set` and then
 * deletes the names in `del`. Does nothing when both are empty, or when only
 * deletions are asked and the run has no `.user` dir yet (nothing to delete).
 * Safe to call from many processes at once: every call adds its own file.
 *
 * @returns The path of the new entry, or `undefined` when nothing was logged.
 * @example
 * ```ts
 * await logUserAttrs(run, { label: 'tuned' });  // gage label --set tuned
 * await logUserAttrs(run, {}, ['label']);       // gage label --clear
 * ```
 */
export async function logUserAttrs(run: Run, set: JsonObject, del: readonly string[] = []): Promise<string | undefined> {
  const hasSet = Object.keys(set).length > 0;
  if (!hasSet && del.length === 0) return undefined;
  const dir = runUserDir(run);
  if (!hasSet && !(await exists(dir))) return undefined;
  return logAttrs(dir, osUser(), set, del);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
