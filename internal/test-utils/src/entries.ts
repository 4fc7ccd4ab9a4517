import { readdir } from 'node:fs/promises';

/**
 * The names in `dir`, sorted; `[]` when `dir` does not exist.
 *
 * @param dir a directory
 * @example
 * ```ts
 * expect(await entries(runsDir)).toEqual([id, `${id}.meta`]);
 * ```
 */
export async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
