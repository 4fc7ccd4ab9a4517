import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { notRegularFile } from '@gage/meta';

/**
 * A run's file (an output, a log) read whole, refusing anything but a
 * regular file with `EFTYPE`: the open does not block (a FIFO would wait for
 * a writer) and a device is never read (`/dev/zero` never ends).
 *
 * @param path the file
 * @returns its bytes
 * @example
 * ```ts
 * const bytes = await readRegularFile(join(run.metaDir, 'output', '40_run'));
 * ```
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  const file = await openRegularFile(path);
  try {
    return await file.readFile();
  } finally {
    await file.close();
  }
}

/**
 * Opens a run's file for reading without blocking, and only when it is a
 * regular file (`EFTYPE` otherwise, the handle closed).
 *
 * @example
 * ```ts
 * const file = await openRegularFile(join(run.metaDir, 'output', '40_run.index'));
 * ```
 */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await file.stat()).isFile()) throw notRegularFile(path);
    return file;
  } catch (err) {
    await file.close();
    throw err;
  }
}
