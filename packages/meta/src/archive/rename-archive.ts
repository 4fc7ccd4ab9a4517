import { rename } from 'node:fs/promises';
import { archiveRunsDir } from './archive-runs-dir.js';
import { ArchiveError } from '../errors.js';
import { pathExists } from '../delete/_path-exists.js';

/**
 * Renames archive `from` of `runsDir` to `to` (docs/spec/cli.md 5.12): one rename of
 * its directory.
 *
 * @throws {ArchiveNameError} `ERR_GAGE_ARCHIVE_NAME` for an invalid name.
 * @throws {ArchiveError} `ERR_GAGE_ARCHIVE_NOT_FOUND` when `from` does not
 *   exist, `ERR_GAGE_ARCHIVE_EXISTS` when `to` does.
 * @example
 * ```ts
 * await renameArchive(runsDir, '2024-01-01-120000', 'baseline');
 * ```
 */
export async function renameArchive(runsDir: string, from: string, to: string): Promise<void> {
  const src = archiveRunsDir(runsDir, from);
  const dest = archiveRunsDir(runsDir, to);
  if (!(await pathExists(src))) throw ArchiveError.notFound(from);
  if (await pathExists(dest))
    throw new ArchiveError('ERR_GAGE_ARCHIVE_EXISTS', `archive '${to}' exists already`, { hint: 'Choose another name, or delete that archive first.' });
  await rename(src, dest);
}
