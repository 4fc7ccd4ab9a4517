import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes `dir` and everything in it, also what a run made read-only (run
 * files, a read-only directory); a missing `dir` is fine.
 *
 * @param dir the directory to remove
 * @example
 * ```ts
 * afterEach(() => removeTree(project));
 * ```
 */
export async function removeTree(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw err;
    // A read-only directory (not root): make the tree writable, then remove it.
    await makeWritable(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

async function makeWritable(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (!info || info.isSymbolicLink()) return;
  await chmod(path, info.mode | 0o700);
  if (info.isDirectory()) { for (const name of await readdir(path)) await makeWritable(join(path, name)); }
}
