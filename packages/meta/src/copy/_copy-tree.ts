import { cp } from 'node:fs/promises';

/**
 * Copies a directory tree: files with their modes and times, symlinks as
 * they are (not followed), failing on anything that exists at `dest`.
 */
export async function copyTree(src: string, dest: string): Promise<void> {
  await cp(src, dest, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: true, force: false });
}
