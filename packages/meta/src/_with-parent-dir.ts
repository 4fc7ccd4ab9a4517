import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Runs `write` (a synchronous write creating `path`); when it fails with
 * `ENOENT` (a missing parent dir), creates the parent dirs and runs it once
 * more. The common case, the dir exists, then costs no `mkdir` (each of a
 * run's ~18 meta writes made one, failing with `EEXIST`).
 */
export function withParentDir(path: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dirname(path), { recursive: true });
    write();
  }
}
