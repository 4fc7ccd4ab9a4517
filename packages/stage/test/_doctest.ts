// The helpers of the seed scenario (`cd`, `makeTempDir`, `write`, `ls`, `cat`),
// real file-system versions of the doctest functions Gage (Python) tests use,
// on the shared temp dirs of @gage/test-utils.
import { readFile, writeFile } from 'node:fs/promises';
import { cleanupTestdirs, listFiles, testdir } from '@gage/test-utils';

/** Makes a temporary directory, removed by `removeTempDirs()`. */
export function makeTempDir(): Promise<string> {
  return testdir();
}

/** Removes every directory `makeTempDir()` made (read-only files included). */
export function removeTempDirs(): Promise<void> {
  return cleanupTestdirs();
}

/** Changes the working directory. */
export function cd(dir: string): void {
  process.chdir(dir);
}

/** Writes a text file. */
export async function write(path: string, text: string): Promise<void> {
  await writeFile(path, text);
}

/** The files under `dir`, recursively, as sorted relative paths, one per line. */
export async function ls(dir: string): Promise<string> {
  return (await listFiles(dir)).join('\n');
}

/** The text of a file. */
export async function cat(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
