import { readFile } from 'node:fs/promises';
import type { Run } from '@gage/types';
import { runMetaPath } from './run-meta-path.js';

/**
 * Reads a meta file as UTF-8 text.
 *
 * @param run the run
 * @param relPath path under the meta dir, `/`-separated (`proc/exit`)
 * @returns the text, or `undefined` when the file (or the meta dir) is missing
 * @throws the `fs` error for anything else (e.g. `EACCES`, `EISDIR`)
 * @example
 * ```ts
 * const exit = await readMetaFile(run, 'proc/exit'); // '0' or undefined
 * ```
 */
export async function readMetaFile(run: Run, relPath: string): Promise<string | undefined> {
  try {
    return await readFile(runMetaPath(run, ...relPath.split('/')), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}
