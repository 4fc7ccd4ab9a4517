import { chmodSync, lstatSync } from 'node:fs';

/**
 * Makes a file read-only (docs/spec/lifecycle.md 5.4): clears every write bit and
 * keeps the others, execute bits included (`0o755` → `0o555`). Symbolic links
 * are left alone (never chmod-ed, so the target is not touched either).
 * Synchronous inside (an `lstat` and at most one `chmod`): callers do this for
 * every file of a run, where thread-pool round trips cost more than the calls.
 *
 * @param path the file (or dir)
 * @example
 * ```ts
 * makeReadOnlySync(runMetaPath(run, 'log', 'runner'));
 * ```
 */
export function makeReadOnlySync(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  const mode = st.mode & 0o7777;
  if ((mode & 0o222) !== 0) chmodSync(path, mode & ~0o222);
}
