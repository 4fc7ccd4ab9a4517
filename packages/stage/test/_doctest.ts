// The helpers of the seed scenario (`cd`, `makeTempDir`, `write`, `ls`, `cat`),
// real file-system versions of the doctest functions Gage (Python) tests use.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tempDirs: string[] = [];

/** Makes a temporary directory, removed by `removeTempDirs()`. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gage-seed-'));
  tempDirs.push(dir);
  return dir;
}

/** Removes every directory `makeTempDir()` made (read-only files included). */
export async function removeTempDirs(): Promise<void> {
  const { chmod } = await import('node:fs/promises');
  for (const dir of tempDirs.splice(0)) {
    await makeWritable(dir, chmod);
    await rm(dir, { recursive: true, force: true });
  }
}

async function makeWritable(dir: string, chmod: (p: string, m: number) => Promise<void>): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(p, chmod);
    else if (entry.isFile()) await chmod(p, 0o644);
  }
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
  const out: string[] = [];
  async function walk(sub: string): Promise<void> {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else out.push(rel);
    }
  }
  await walk('');
  return out.sort().join('\n');
}

/** The text of a file. */
export async function cat(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
