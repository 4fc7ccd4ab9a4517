import { unlinkSync } from 'node:fs';
import { fileSystemError, type Run } from '@gage/types';
import { runMetaPath } from '../run/run-meta-path.js';
import { LISTING_RECORD } from './listing-record.js';

/**
 * Removes the run's listing record (docs/spec/lifecycle.md 21) before one of
 * the meta files it summarizes changes; a missing record (or meta dir) is
 * fine, and so is a directory in its place (no reader takes it for a
 * record). `writeMetaFileSync` calls it for every summarized file, so a writer
 * stopped between its steps leaves no record, never a stale one.
 *
 * @param run the run
 * @throws `FileSystemError` when the record exists and cannot be removed (the meta file must then not be written)
 * @example
 * ```ts
 * removeListingRecordSync(run); // <id>.meta/listing.json gone
 * ```
 */
export function removeListingRecordSync(run: Run): void {
  const path = runMetaPath(run, LISTING_RECORD);
  try {
    unlinkSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A directory in its place is never read as a record (readers take only a regular file).
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return;
    throw fileSystemError(err, { path }) ?? err;
  }
}
