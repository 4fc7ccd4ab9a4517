import { join } from 'node:path';
import { parseMetaInteger } from '../meta-file/_parse-meta-integer.js';
import { readTextSync } from '../io/read-text-sync.js';

/**
 * True while the run process named by `proc/lock` lives and leads its own
 * process group: `@gage/proc` starts each run process and hook in a session
 * and group of its own (POSIX), so this holds for the run's process, whether
 * or not its runner is alive (docs/spec/lifecycle.md 11 as amended: such a run is
 * `running` and cannot be locked by another process).
 *
 * Both `process.kill(-pid, 0)` and `process.kill(pid, 0)` must succeed (or
 * fail with `EPERM`), and on Linux the process must not be a zombie (a dead
 * orphan that init has not reaped yet). A pid cannot be reused while a group
 * of that id exists, so a live process that leads group `pid` is the run's
 * process, or, once it is gone, another group leader that got the same pid
 * (which then holds the run until it ends). A pid written by a runner that
 * did not give the run a group of its own (older versions, Windows) leads
 * no group: false, and the run lock decides as before.
 */
export function isRunProcessAlive(pid: number | undefined): boolean {
  if (pid === undefined || !Number.isSafeInteger(pid) || pid <= 1 || process.platform === 'win32') return false;
  return exists(-pid) && exists(pid) && !isZombie(pid);
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: the process has exited and waits to be reaped (state `Z` in `/proc/<pid>/stat`). */
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z /s.test(readTextSync(`/proc/${pid}/stat`));
  } catch {
    return false; // no /proc
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
