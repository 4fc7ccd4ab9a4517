import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Tries of a removal that meets a dir filled while it was emptied. */
const NOT_EMPTY_TRIES = 5;

/**
 * Removes a file or directory tree; missing is fine. Read-only files in
 * writable dirs go with a plain `rm`; a read-only directory (whose entries
 * cannot be unlinked) gets its owner write bit back first, then `rm` is
 * retried. A dir that another process fills while it is emptied
 * (`ENOTEMPTY`, e.g. a label written into `<id>.user`) is emptied again, a
 * few times.
 */
export async function removeTree(path: string): Promise<void> {
  for (let tries = 1;; tries++) {
    try {
      await removeOnce(path);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || tries === NOT_EMPTY_TRIES) throw err;
    }
  }
}

async function removeOnce(path: string): Promise<void> {
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
