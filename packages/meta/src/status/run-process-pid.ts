import type { Run } from '@gage/types';
import { isRunProcessAlive, readProcLockPid } from './_run-process-alive.js';

/**
 * The pid of the run's live process: the pid in `proc/lock` while that
 * process lives (no zombie) and leads its own process group, as every run
 * process and hook that `@gage/proc` starts does (docs/spec/lifecycle.md 8.4,
 * 11). Such a run reads `running`, also after its runner died, and its
 * group is what `gage stop` signals (`process.kill(-pid, ...)`). Otherwise
 * `undefined`: no `proc/lock`, a pid that is not a number, a process that
 * has ended, or one that leads no group (Windows, older runners). Never
 * takes the run lock; never throws.
 *
 * @param run the run
 * @returns the pid, which is also the process group id, or `undefined`
 * @example
 * ```ts
 * const pid = runProcessPid(run);
 * if (pid !== undefined) process.kill(-pid, 'SIGTERM');
 * ```
 */
export function runProcessPid(run: Run): number | undefined {
  const pid = readProcLockPid(run.metaDir);
  return isRunProcessAlive(pid) ? pid : undefined;
}
