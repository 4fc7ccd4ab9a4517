import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attrLogNames } from './_attr-log.js';
import { writeFileAtomicSync } from '../io/_write-file-atomic-sync.js';

/**
 * Merges the attr log `src` into `dest` (docs/spec/lifecycle.md 14): copies every
 * `*.json` entry of `src` that `dest` lacks, keeping its name (the log id) so
 * that both logs replay in the same order. Never overwrites an entry; not
 * recursive. Creates `dest` when `src` has entries to copy; a missing `src`
 * copies nothing.
 *
 * @returns The names of the copied entries.
 * @example
 * ```ts
 * await mergeAttrs('/mnt/other/runs/abc.user', join(runsDir, 'abc.user'));
 * ```
 */
export async function mergeAttrs(src: string, dest: string): Promise<string[]> {
  const names = await attrLogNames(src);
  if (names.length === 0) return [];
  await mkdir(dest, { recursive: true });
  const present = new Set(await attrLogNames(dest));
  const copied: string[] = [];
  for (const name of names) {
    if (present.has(name)) continue;
    // Atomic like every log write; an entry copied at the same moment by
    // someone else has the same name and the same bytes.
    writeFileAtomicSync(join(dest, name), await readFile(join(src, name)), 0o444);
    copied.push(name);
  }
  return copied;
}
