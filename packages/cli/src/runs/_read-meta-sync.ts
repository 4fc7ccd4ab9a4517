import { Buffer } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

const buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A small file of a meta dir as text, read synchronously with one open, one
 * read and one close, so a listing never holds more than one file open (no
 * `EMFILE` on 10,000 runs) and skips the promise round trips that made
 * `gage runs` slow. `undefined` when the file or the meta dir is missing;
 * other `fs` errors are thrown. Files of 64 KiB or more fall back to
 * `readFileSync`.
 */
export function readMetaSync(metaDir: string, relPath: string): string | undefined {
  const path = join(metaDir, relPath);
  let fd: number;
  // A missing file is common (summary.json): skip the stack trace of its error.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  try {
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return n < buffer.length ? buffer.toString('utf8', 0, n) : readFileSync(path, 'utf8');
  } finally {
    closeSync(fd);
  }
}
