// Temporary trees for the gagefile/ and sourcecode/ tests: real directories,
// removed after each test file.
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];

/** A symlink entry for {@link testdir}: `{ link: target }`. */
export interface Link {
  link: string;
}

/**
 * Makes a temporary directory holding `files` (path -> text, bytes, a
 * symlink `{ link }`, or `null` for an empty directory).
 */
export async function testdir(files: Record<string, string | Uint8Array | Link | null> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gage-stage-'));
  made.push(dir);
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
  return dir;
}

/** Removes every directory {@link testdir} made. */
export async function cleanupTestdirs(): Promise<void> {
  for (const dir of made.splice(0)) {
    await makeWritable(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(p);
    else if (entry.isFile()) await chmod(p, 0o644);
  }
}
