import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodePoints } from '@gage/types';
import { ARCHIVES_DIR_NAME } from './archive-runs-dir.js';

/** An archive of a runs dir (docs/spec/cli.md 5.12). */
export interface ArchiveInfo {
  /** The archive name. */
  name: string;
  /** Its runs dir, `<runsDir>/.archives/<name>`. */
  dir: string;
  /** How many runs it holds (`<id>.meta` entries). */
  runs: number;
  /** When a run was last moved in or out (the dir's mtime, epoch ms); undefined when it holds no run. */
  lastArchived: number | undefined;
}

/**
 * The archives under `runsDir`, sorted by name; `[]` when there are none.
 * Reads only `<runsDir>/.archives` and the archive dirs.
 *
 * @example
 * ```ts
 * for (const a of await listArchives(runsDir)) console.log(a.name, a.runs);
 * ```
 */
export async function listArchives(runsDir: string): Promise<ArchiveInfo[]> {
  const root = join(runsDir, ARCHIVES_DIR_NAME);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: ArchiveInfo[] = [];
  for (const name of names.sort(compareCodePoints)) {
    if (name.startsWith('.')) continue; // temp names of renames, never an archive
    const dir = join(root, name);
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) continue;
    const runs = (await readdir(dir)).filter((n) => n.endsWith('.meta')).length;
    out.push({ name, dir, runs, lastArchived: runs > 0 ? st.mtimeMs : undefined });
  }
  return out;
}
