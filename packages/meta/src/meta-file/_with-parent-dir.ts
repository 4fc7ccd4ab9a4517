import { lstatSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileSystemError, type Run } from '@gage/types';
import { RunGoneError } from '../errors.js';

/**
 * Runs `write` (a synchronous write creating `path`, a file under the run's
 * meta dir); when it fails with `ENOENT` (a missing parent dir), creates the
 * missing dirs below the meta dir and runs it once more. The common case,
 * the dir exists, then costs no `mkdir` (each of a run's ~18 meta writes
 * made one, failing with `EEXIST`).
 *
 * The meta dir itself is never created: when it is gone (the run was
 * deleted meanwhile), this throws {@link RunGoneError} instead of leaving a
 * partial meta dir behind. A full disk, a read-only file system or a
 * permission is thrown as a `FileSystemError` naming `path`.
 */
export function withParentDir(run: Run, path: string, write: () => void): void {
  try {
    write();
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError(err, { path }) ?? err;
  }
  makeDirsBelowMetaDir(run, dirname(path));
  try {
    write();
  } catch (err) {
    throw fileSystemError(err, { path }) ?? err;
  }
}

/** Creates `dir` and its parents up to, not including, the meta dir; one `mkdir` per level, never recursive. */
function makeDirsBelowMetaDir(run: Run, dir: string): void {
  if (!exists(run.metaDir)) throw new RunGoneError(run.id, run.metaDir);
  const rel = relative(run.metaDir, dir);
  let current = run.metaDir;
  for (const part of rel === '' ? [] : rel.split(sep)) {
    current = join(current, part);
    try {
      mkdirSync(current);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') throw new RunGoneError(run.id, run.metaDir, { cause: err }); // removed meanwhile
      throw fileSystemError(err) ?? err;
    }
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
