import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { compareCodePoints, type Run } from '@gage/types';
import type { RunFileEntry } from './route-types.js';

/** Entries listed at most: a run dir with a dataset in it still lists fast. */
const MAX_FILES = 10_000;

/**
 * The files of the run dir, sorted by path (at most 10,000; `truncated`
 * when there were more). Directories are walked, symbolic links are listed
 * and never followed.
 *
 * @example
 * ```ts
 * const { files } = await listRunFiles(run); // [{ path: 'train.py', type: 'file', size: 812, mtime: ... }]
 * ```
 */
export async function listRunFiles(run: Run): Promise<{ files: RunFileEntry[]; truncated: boolean }> {
  const files: RunFileEntry[] = [];
  const root = await realpath(run.runDir).catch(() => undefined);
  if (root === undefined) return { files, truncated: false };
  const dirs = [''];
  let truncated = false;
  while (dirs.length > 0 && !truncated) {
    const dir = dirs.pop() as string;
    const names = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const name of names) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      const st = await lstat(join(root, rel)).catch(() => undefined);
      if (!st) continue;
      if (st.isDirectory()) dirs.push(rel);
      else if (st.isFile() || st.isSymbolicLink()) {
        if (files.length >= MAX_FILES) {
          truncated = true;
          break;
        }
        const size = st.isFile() ? st.size : await insideSize(root, rel);
        files.push({ path: rel, type: st.isFile() ? 'file' : 'link', size, mtime: Math.floor(st.mtimeMs) });
      }
    }
  }
  files.sort((a, b) => compareCodePoints(a.path, b.path));
  return { files, truncated };
}

async function insideSize(root: string, rel: string): Promise<number | null> {
  const path = await resolveInside(root, rel);
  return path === undefined ? null : (await stat(path)).size;
}

/**
 * The real path of the regular file `rel` of the run dir, or `undefined`
 * when there is none or when it is not inside the run dir: `..` segments,
 * absolute paths, NUL bytes and symbolic links (anywhere on the path) that
 * lead out of the run dir are all refused the same way, so a caller
 * answers 404 and tells nothing about what is outside.
 *
 * @example
 * ```ts
 * await resolveRunFile(run, 'out/model.bin'); // '/tmp/runs/<id>/out/model.bin'
 * await resolveRunFile(run, '../<id>.meta/config.json'); // undefined
 * ```
 */
export async function resolveRunFile(run: Run, rel: string): Promise<string | undefined> {
  const root = await realpath(run.runDir).catch(() => undefined);
  return root === undefined ? undefined : resolveInside(root, rel);
}

async function resolveInside(root: string, rel: string): Promise<string | undefined> {
  if (rel === '' || rel.includes('\0')) return undefined;
  const lexical = resolve(root, rel);
  if (!isInside(root, lexical)) return undefined;
  const real = await realpath(lexical).catch(() => undefined);
  if (real === undefined || !isInside(root, real)) return undefined;
  const st = await stat(real).catch(() => undefined);
  return st?.isFile() ? real : undefined;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel);
}
