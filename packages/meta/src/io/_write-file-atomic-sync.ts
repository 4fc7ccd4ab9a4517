import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The name of a temp file of {@link writeFileAtomicSync}; group 1 is the writer's pid. */
export const TEMP_FILE_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes `path` atomically: a temp file in the same directory (named
 * `.<name>.<pid>.<random>.tmp`, so it never matches `*.json` or any meta
 * name), then a rename over `path`. Readers see the old file or the whole new
 * one, never a partial write. Synchronous: meta files are tiny, and a
 * thread-pool round trip for each open, write, close and rename cost more
 * than the calls (a `gage run` makes ~20 such writes).
 *
 * @param mode of the new file (minus the umask), e.g. `0o444` for read-only
 * @example
 * ```ts
 * writeFileAtomicSync(join(run.metaDir, 'opref'), '2 test test\n', 0o444);
 * ```
 */
export function writeFileAtomicSync(path: string, content: string | Uint8Array, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode });
    renameSync(tmp, path);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
}

/**
 * Removes a temp file that may not exist (the write failed before creating
 * it: `ENOENT` for a missing parent dir, which `withParentDir` then makes).
 * `unlinkSync`, not `rmSync({force})`: that one loads Node's rimraf module
 * on first use, ~0.5 ms of every `gage run`. The write's own error is the
 * one to report, so a failing removal is ignored.
 */
function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // not created, or already gone
  }
}
