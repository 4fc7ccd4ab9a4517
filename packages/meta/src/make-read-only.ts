import { chmod, lstat } from 'node:fs/promises';

/**
 * Makes a file read-only (lifecycle.md 5.4): clears every write bit and
 * keeps the others, execute bits included (`0o755` → `0o555`). Symbolic links
 * are left alone (never chmod-ed, so the target is not touched either).
 *
 * @param path the file (or dir)
 * @example
 * ```ts
 * await makeReadOnly(runMetaPath(run, 'log', 'runner'));
 * ```
 */
export async function makeReadOnly(path: string): Promise<void> {
  const st = await lstat(path);
  if (st.isSymbolicLink()) return;
  const mode = st.mode & 0o7777;
  if ((mode & 0o222) !== 0) await chmod(path, mode & ~0o222);
}
