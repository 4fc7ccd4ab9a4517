import { chmodSync, copyFileSync, constants, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync,
  utimesSync } from 'node:fs';
import { join } from 'node:path';

/** How `gage import` takes a run dir: a copy, a move (rename, else copy and delete later), or hard links. */
export type ImportMode = 'copy' | 'move' | 'link';

/**
 * Puts the source run dir at `dest` (which must not exist), leaving out the
 * top-level entries in `exclude`. Copied files are read-only; linked and
 * renamed ones keep their modes. `move` renames it (then moves the excluded
 * entries to `aside`, which must not exist) and falls back to a copy across
 * file systems; returns true when the source still has to be deleted.
 */
export function placeRunDir(src: string, dest: string, mode: ImportMode, exclude: readonly string[], aside: string): boolean {
  if (mode === 'move') {
    try {
      renameSync(src, dest);
      for (const name of exclude) if (existsSync(join(dest, name))) renameSync(join(dest, name), join(mkdirp(aside), name));
      return false;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    }
  }
  mkdirSync(dest);
  for (const name of readdirSync(src)) {
    if (exclude.includes(name)) continue;
    if (mode === 'link') linkTree(join(src, name), join(dest, name));
    else copyTree(join(src, name), join(dest, name));
  }
  return mode === 'move';
}

/** Copies (or hard-links) the files of `srcDir` into `destDir` where no entry of that name is; returns the relative paths placed. */
export function mergeTree(srcDir: string, destDir: string, mode: ImportMode, rel = ''): string[] {
  const placed: string[] = [];
  for (const name of readdirSync(join(srcDir, rel))) {
    const path = rel ? `${rel}/${name}` : name;
    const from = join(srcDir, path);
    const to = join(destDir, path);
    const st = lstatSync(from);
    if (st.isDirectory()) {
      if (!existsSync(to)) mkdirSync(to);
      if (lstatSync(to).isDirectory()) placed.push(...mergeTree(srcDir, destDir, mode, path));
    } else if (!existsSync(to)) {
      if (mode === 'link') linkTree(from, to);
      else if (mode === 'move') renameSync(from, to);
      else copyTree(from, to);
      placed.push(path);
    }
  }
  return placed;
}

function linkTree(src: string, dest: string): void {
  const st = lstatSync(src);
  if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dest);
  else if (st.isDirectory()) {
    mkdirSync(dest);
    for (const name of readdirSync(src)) linkTree(join(src, name), join(dest, name));
  } else linkSync(src, dest);
}

/**
 * Copies a file, symlink or dir tree with modes and times (symlinks as they
 * are), each file made read-only at once (docs/spec/lifecycle.md 5.4, as
 * finalize does: write bits cleared, the others kept), which spares a walk
 * of the copy to `chmod` it. `cpSync` does the same but validates and stats
 * every entry again, which made it a tenth of an import's time.
 */
function copyTree(src: string, dest: string): void {
  const st = lstatSync(src);
  if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dest);
  else if (st.isDirectory()) {
    mkdirSync(dest);
    for (const name of readdirSync(src)) copyTree(join(src, name), join(dest, name));
    utimesSync(dest, st.atime, st.mtime);
  } else {
    copyFileSync(src, dest, constants.COPYFILE_EXCL);
    if ((st.mode & 0o222) !== 0) chmodSync(dest, st.mode & 0o7777 & ~0o222);
    utimesSync(dest, st.atime, st.mtime);
  }
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Removes a tree, whatever its modes (imported files are read-only). */
export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Removes a dir that should be empty by now (cheaper than {@link removeTree}), or else the tree. */
export function removeEmptyDir(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    removeTree(path);
  }
}
