import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A symbolic link in a {@link Tree}: `{ link: target }` (the target as written, not resolved). */
export interface Link {
  link: string;
}

/**
 * Files to write, by path relative to the tree's root (`/`-separated,
 * parents made as needed): text, bytes, a {@link Link}, or `null` for an
 * empty directory.
 */
export type Tree = Record<string, string | Uint8Array | Link | null>;

/**
 * Writes `files` under `dir`, in the order given.
 *
 * @param dir an existing directory
 * @param files what to write
 * @example
 * ```ts
 * await writeTree(project, { 'gage.toml': '[op]\nexec = "node op.js"\n', 'data/': null, 'latest': { link: 'data' } });
 * ```
 */
export async function writeTree(dir: string, files: Tree): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    if (content === null) {
      await mkdir(abs, { recursive: true });
      continue;
    }
    await mkdir(dirname(abs), { recursive: true });
    if (typeof content === 'object' && 'link' in content) await symlink(content.link, abs);
    else await writeFile(abs, content);
  }
}
