import { readdir } from 'node:fs/promises';
import { archiveRunsDir } from './archive-runs-dir.js';
import { ArchiveError } from '../errors.js';
import { removeTree } from '../delete/_remove-tree.js';

/**
 * Deletes archive `name` of `runsDir` (docs/spec/cli.md 5.12), which must hold no run
 * (no `<id>.meta` or `<id>.meta.deleted`): its directory is removed with
 * whatever else is left in it.
 *
 * @throws {ArchiveError} `ERR_GAGE_ARCHIVE_NOT_FOUND`, or
 *   `ERR_GAGE_ARCHIVE_NOT_EMPTY` (`archive <name> is not empty`).
 * @example
 * ```ts
 * await deleteArchive(runsDir, 'baseline');
 * ```
 */
export async function deleteArchive(runsDir: string, name: string): Promise<void> {
  const dir = archiveRunsDir(runsDir, name);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw ArchiveError.notFound(name);
    throw err;
  }
  if (names.some((n) => n.endsWith('.meta') || n.endsWith('.meta.deleted'))) {
    throw new ArchiveError('ERR_GAGE_ARCHIVE_NOT_EMPTY', `archive ${name} is not empty`, {
      hint: `Restore its runs ('gage restore --archive ${name}') or delete them ('gage purge --archive ${name} --all') first.`,
    });
  }
  await removeTree(dir);
}
