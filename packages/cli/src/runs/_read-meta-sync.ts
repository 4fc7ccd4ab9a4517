import { join } from 'node:path';
import { readTextSync } from '@gage/meta';

/**
 * A small file of a meta dir as text, read with `@gage/meta`'s
 * `readTextSync` (one open, one read, one close: a listing never holds more
 * than one file open, no `EMFILE` on 10,000 runs, and no promise round
 * trips). `undefined` when the file or the meta dir is missing; other `fs`
 * errors are thrown, and `EFTYPE` for anything but a regular file (a FIFO or
 * a device would block or never end).
 *
 * @example
 * ```ts
 * readMetaSync(run.metaDir, 'proc/exit'); // '0', or undefined while it runs
 * ```
 */
export function readMetaSync(metaDir: string, relPath: string): string | undefined {
  // A missing file is common (summary.json): skip the stack trace of its error.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return readTextSync(join(metaDir, relPath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
