import { join } from 'node:path';
import { parseMetaInteger } from './_parse-meta-integer.js';
import { readTextSync } from './_read-text-sync.js';

/**
 * True while the process group named by `proc/lock` lives: the run process
 * (or a hook) leads a process group of its own (`@gage/proc` spawns it in a
 * session of its own on POSIX), so a live group means the run process, or
 * what it left running, is alive, whether or not its runner is (lifecycle.md
 * 11 as amended: such a run is `running` and cannot be locked by another
 * process). `process.kill(-pgid, 0)` succeeds or fails with `EPERM`.
 *
 * A pid written by a runner that did not give the run a group of its own,
 * or on Windows, names no group: false, and the run lock decides as before.
 * A group id is not reused while any process of the group lives; once all
 * are gone the number may in theory be reused by another group leader.
 */
export function isProcessGroupAlive(pgid: number | undefined): boolean {
  if (pgid === undefined || !Number.isSafeInteger(pgid) || pgid <= 1 || process.platform === 'win32') return false;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in `proc/lock` of the meta dir, or `undefined` (no such file, not an integer, unreadable). */
export function readProcLockPid(metaDir: string): number | undefined {
  try {
    return parseMetaInteger(readTextSync(join(metaDir, 'proc', 'lock')));
  } catch {
    return undefined;
  }
}
