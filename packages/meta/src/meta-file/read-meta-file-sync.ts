import type { Run } from '@gage/types';
import { readTextSync } from '../io/read-text-sync.js';
import { runMetaPath } from '../run/run-meta-path.js';

/**
 * Reads a meta file as UTF-8 text. The read itself is synchronous (one
 * open, read and close; meta files are small): `fs.promises.readFile` takes
 * four thread-pool round trips per file, which `gage run` paid ~20 times
 * between making the run and starting its process.
 *
 * @param run the run
 * @param relPath path under the meta dir, `/`-separated (`proc/exit`)
 * @returns the text, or `undefined` when the file (or the meta dir) is missing
 * @throws the `fs` error for anything else (e.g. `EACCES`, `EISDIR`)
 * @example
 * ```ts
 * const exit = readMetaFileSync(run, 'proc/exit'); // '0' or undefined
 * ```
 */
export function readMetaFileSync(run: Run, relPath: string): string | undefined {
  try {
    return readTextSync(runMetaPath(run, ...relPath.split('/')));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}
