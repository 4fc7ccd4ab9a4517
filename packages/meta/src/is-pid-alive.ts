/**
 * True when a process with this pid exists (lifecycle.md 11):
 * `process.kill(pid, 0)` succeeds or fails with `EPERM` (it exists, owned by
 * someone else); `ESRCH` means it does not. A pid that is not a positive
 * integer is never alive (`kill(0)` would signal our own process group).
 *
 * @param pid the process id
 * @returns whether the process lives
 * @example
 * ```ts
 * isPidAlive(process.pid); // true
 * ```
 */
export function isPidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return true;
    if (code === 'ESRCH') return false;
    throw err;
  }
}
