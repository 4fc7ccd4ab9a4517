import { Buffer } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

const buffer = Buffer.allocUnsafe(64 * 1024);

/** Non-blocking: opening a FIFO for reading would wait for a writer (and hang `gage list`). */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * A small file of a meta dir as text, read synchronously with one open, one
 * read and one close, so a listing never holds more than one file open (no
 * `EMFILE` on 10,000 runs) and skips the promise round trips that made
 * `gage runs` slow. `undefined` when the file or the meta dir is missing;
 * other `fs` errors are thrown, and `EFTYPE` for anything but a regular
 * file (a FIFO or a device would block or never end). Files of 64 KiB or
 * more are read whole from the same descriptor.
 */
export function readMetaSync(metaDir: string, relPath: string): string | undefined {
  const path = join(metaDir, relPath);
  let fd: number;
  // A missing file is common (summary.json): skip the stack trace of its error.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  try {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, 0);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ESPIPE' || code === 'EAGAIN') throw notRegularFile(path); // a pipe
      throw err;
    }
    if (n > 0 && n < buffer.length) return buffer.toString('utf8', 0, n);
    // Empty or large: only a regular file is read (one fstat, rarely needed).
    if (!fstatSync(fd).isFile()) throw notRegularFile(path);
    return n === 0 ? '' : readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The error for a run file that is not a regular file (`EFTYPE`).
 *
 * @example
 * ```ts
 * throw notRegularFile('/runs/abc.meta/proc/exit');
 * ```
 */
export function notRegularFile(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EFTYPE: not a regular file, read '${path}'`), { code: 'EFTYPE', syscall: 'read', path });
}
