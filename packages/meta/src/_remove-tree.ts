import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes a file or directory tree; missing is fine. Read-only files in
 * writable dirs go with a plain `rm`; a read-only directory (whose entries
 * cannot be unlinked) gets its owner write bit back first, then `rm` is
 * retried.
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw err;
    await makeDirsWritable(path);
    await rm(path, { recursive: true, force: true });
  }
}

async function makeDirsWritable(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isDirectory()) return;
  await chmod(path, (stat.mode & 0o7777) | 0o700);
  for (const name of await readdir(path)) await makeDirsWritable(join(path, name));
}
