import { join } from 'node:path';
import { readTextSync } from '../io/read-text-sync.js';

/** The listing record's name in the meta dir (docs/spec/lifecycle.md 21). */
export const LISTING_RECORD = 'listing.json';

/** The record format this build writes and reads; a record of another version is ignored. */
export const LISTING_RECORD_VERSION = 1;

/**
 * The meta files a listing record summarizes, as paths under the meta dir:
 * everything the runs table, the status of a finalized run, `--where`,
 * `compare` and `board` read (docs/spec/lifecycle.md 21).
 */
export const LISTING_RECORD_FILES: readonly string[] = [
  'opref',
  'id',
  'initialized',
  'staged',
  'started',
  'stopped',
  'proc/exit',
  'config.json',
  'opdef.json',
  'summary.json',
  'sys/flags.json',
];

/**
 * The texts of a listing record: meta file path → its text, or `null` when
 * the file was missing when the record was written. A file not named was
 * not recorded (too large, or unreadable): read it from disk.
 */
export type ListingTexts = Readonly<Record<string, string | null>>;

/**
 * The listing record of a meta dir (docs/spec/lifecycle.md 21): the texts of
 * the summarized meta files of a finalized run, read as one file.
 * `undefined` when there is none, or it cannot be read or used (another
 * format version, not a finalized run's, damaged): the caller then reads
 * the meta files themselves. Never throws.
 *
 * @param metaDir the run's meta dir
 * @returns the recorded texts, or `undefined`
 * @example
 * ```ts
 * const texts = readListingRecordSync(run.metaDir);
 * texts?.['proc/exit']; // '0'
 * ```
 */
export function readListingRecordSync(metaDir: string): ListingTexts | undefined {
  let text: string;
  try {
    text = readTextSync(join(metaDir, LISTING_RECORD));
  } catch {
    return undefined;
  }
  return parseListingRecord(text);
}

/**
 * Decodes the text of a listing record; `undefined` for one that cannot be
 * used (see {@link readListingRecordSync}).
 *
 * @example
 * ```ts
 * parseListingRecord('{"version":1,"files":{"proc/exit":"0"}}'); // { 'proc/exit': '0' }
 * ```
 */
export function parseListingRecord(text: string): ListingTexts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.version !== LISTING_RECORD_VERSION || !isObject(value.files)) return undefined;
  const files = value.files;
  // Only a finalized run's files stop changing (docs/spec/lifecycle.md 10): a record without an exit code is no record.
  if (typeof files['proc/exit'] !== 'string') return undefined;
  for (const key in files) {
    const v = files[key];
    if (v !== null && typeof v !== 'string') return undefined;
  }
  return files as ListingTexts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
