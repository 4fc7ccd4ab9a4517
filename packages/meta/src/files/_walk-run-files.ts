import { readdirSync, statSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { makeLoopYield, type LoopYield } from '../io/make-loop-yield.js';
import { warnMeta } from '../meta-logger.js';

/** A regular file under a run dir and its mtime in integer epoch µs. */
export interface WalkedFile {
  path: string;
  mtime: number;
}

/**
 * The regular files under `dir` (docs/spec/lifecycle.md 7.3 step 2), dotfiles and
 * symlinks to files included (with the target's mtime), symlinked dirs and
 * broken links skipped, sorted by path (code-unit order). Paths are relative
 * and `/`-separated. A missing `dir` has no files. Synchronous calls (a
 * `stat` per file through the thread pool cost ~10x the syscall itself),
 * with a turn of the event loop now and then for the run lock's refresh.
 */
export async function walkRunFiles(dir: string): Promise<WalkedFile[]> {
  const files: WalkedFile[] = [];
  await walk(dir, '', files, makeLoopYield());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files already warned about in this process (the files log is scanned up to four times per run). */
const warned = new Set<string>();

async function walk(root: string, rel: string, out: WalkedFile[], pause: LoopYield): Promise<void> {
  let entries;
  try {
    entries = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!rel && (code === 'ENOENT' || code === 'ENOTDIR')) return;
    throw err;
  }
  for (const entry of entries) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (/[\r\n]/.test(entry.name)) {
      // A log line cannot hold it (docs/spec/lifecycle.md 7.3 is line based). Said once per file, not once per scan.
      const key = `${root}\0${path}`;
      if (warned.has(key)) continue;
      warned.add(key);
      warnMeta(`Ignoring "${path.replace(/[\r\n]/g, '?')}" in "${root}": line break in the file name`);
      continue;
    }
    if (entry.isDirectory()) {
      await walk(root, path, out, pause);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const st = statOrUndefined(join(root, path));
      // Symlinks: only to files; a linked dir is not descended into.
      if (st?.isFile()) out.push({ path, mtime: Number(st.mtimeNs / 1000n) });
      const turn = pause();
      if (turn) await turn;
    }
  }
}

function statOrUndefined(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP') return undefined; // broken or looping link
    throw err;
  }
}
