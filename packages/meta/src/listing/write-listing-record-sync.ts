import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { readTextSync } from '../io/read-text-sync.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';
import { LISTING_RECORD, LISTING_RECORD_FILES, LISTING_RECORD_VERSION } from './listing-record.js';

/** A summarized file larger than this is left out of the record (readers read it from disk). */
const MAX_RECORDED_CHARS = 16 * 1024;

/**
 * Writes the run's listing record (docs/spec/lifecycle.md 21): the texts of
 * the meta files listing reads, as one read-only JSON file written
 * atomically, with the modification time and size of each file (readers
 * take a text only while its file still has them). `finalizeRun` calls it once `proc/exit` is written and
 * `proc/lock` gone; from then on no summarized file changes. A run without
 * `proc/exit` gets no record (its status is read live). A file that is
 * missing is recorded as `null`; one that cannot be read or is over 16 KiB
 * is left out, and readers read it from disk.
 *
 * @param run a finalized run
 * @returns whether a record was written
 * @throws `FileSystemError` / `RunGoneError` as `writeMetaFileSync`
 * @example
 * ```ts
 * writeMetaFileSync(run, 'proc/exit', '0');
 * writeListingRecordSync(run); // <id>.meta/listing.json
 * ```
 */
export function writeListingRecordSync(run: Run): boolean {
  const files: Record<string, string | null> = {};
  const stamps: Record<string, [number, number]> = {};
  for (const file of LISTING_RECORD_FILES) {
    const path = join(run.metaDir, ...file.split('/'));
    let text: string | null;
    try {
      text = readTextSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') continue;
      text = null;
    }
    if (text !== null) {
      const stats = statSync(path, { throwIfNoEntry: false });
      if (text.length > MAX_RECORDED_CHARS || stats === undefined) continue;
      stamps[file] = [stats.mtimeMs, stats.size];
    }
    files[file] = text;
  }
  if (typeof files['proc/exit'] !== 'string') return false;
  writeMetaFileSync(run, LISTING_RECORD, JSON.stringify({ version: LISTING_RECORD_VERSION, files, stamps }));
  return true;
}
