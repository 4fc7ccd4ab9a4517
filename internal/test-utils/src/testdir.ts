import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from './remove-tree.js';
import { writeTree, type Tree } from './write-tree.js';

const made: string[] = [];

/**
 * Makes a new temporary directory holding `files` and returns its path.
 * Every directory made is removed by {@link cleanupTestdirs}; remove one
 * earlier with `removeTree`.
 *
 * @param files what to write into it (see `Tree`)
 * @example
 * ```ts
 * afterAll(cleanupTestdirs);
 * const project = await testdir({ 'gage.toml': '[op]\nexec = "node op.js"\n', 'op.js': '' });
 * ```
 */
export async function testdir(files: Tree = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gage-test-'));
  made.push(dir);
  await writeTree(dir, files);
  return dir;
}

/**
 * Removes every directory {@link testdir} made so far.
 *
 * @example
 * ```ts
 * afterAll(cleanupTestdirs);
 * ```
 */
export async function cleanupTestdirs(): Promise<void> {
  for (const dir of made.splice(0)) await removeTree(dir);
}
