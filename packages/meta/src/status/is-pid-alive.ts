/** The largest pid `process.kill` accepts (a signed 32-bit integer); Linux pids stay far below it. */
const MAX_PID = 0x7fff_ffff;

/**
 * True when a process with this pid exists (docs/spec/lifecycle.md 11):
 * `process.kill(pid, 0)` succeeds or fails with `EPERM` (it exists, owned by
 * someone else). Anything else means it does not: `ESRCH`, and a value that
 * is no pid at all (not an integer in 1..2^31-1, as a damaged `proc/lock`
 * may hold; `kill(0)` would signal our own process group, and Node rejects
 * larger values with a `TypeError` instead of an errno). Never throws.
 *
 * @param pid the process id
 * @returns whether the process lives
 * @example
 * ```ts
 * isPidAlive(process.pid); // true
 * isPidAlive(2 ** 32);     // false
 * ```
 */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid > MAX_PID) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
