import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { notRegularFile } from './_read-meta-sync.js';

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
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await file.stat()).isFile()) throw notRegularFile(path);
    return await file.readFile();
  } finally {
    await file.close();
  }
}
