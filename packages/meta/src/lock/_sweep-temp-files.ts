import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isPidAlive } from '../status/is-pid-alive.js';
import { TEMP_FILE_NAME } from '../io/_write-file-atomic-sync.js';

/**
 * Removes the temp files that atomic writes of dead processes left in a
 * meta dir (a writer killed between writing its temp file and renaming it).
 * Only names of the atomic-write form whose pid is not alive are removed;
 * the meta files themselves are never touched. Errors are ignored: a sweep
 * that cannot read or remove leaves things as they were.
 *
 * @param dir the meta dir (its subdirs are swept too)
 * @returns the paths removed
 */
export function sweepTempFiles(dir: string): string[] {
  const removed: string[] = [];
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of names) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removed.push(...sweepTempFiles(path));
      continue;
    }
    const m = TEMP_FILE_NAME.exec(entry.name);
    if (!m || isPidAlive(Number(m[1]))) continue;
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      // Left as it was.
    }
  }
  return removed;
}
