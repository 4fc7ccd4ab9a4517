import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under `dir` (anything but a directory: symbolic links
 * included, not followed), as paths relative to `dir` with `/`, sorted.
 *
 * @param dir a directory
 * @example
 * ```ts
 * expect(await listFiles(run.runDir)).toEqual(['data/a.csv', 'train.py']);
 * ```
 */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, '', out);
  return out.sort();
}

async function walk(dir: string, prefix: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(join(dir, entry.name), rel, out);
    else out.push(rel);
  }
}
