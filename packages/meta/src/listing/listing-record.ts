import { statSync } from 'node:fs';
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
 * A listing record: `files` maps a meta file path to its text, or `null`
 * when the file was missing when the record was written (a path not named
 * was not recorded: too large, or unreadable); `stamps` holds the
 * modification time (ms) and size of each recorded file, which a reader
 * checks before it takes a text (see {@link recordedTextSync}).
 */
export interface ListingRecord {
  readonly files: Readonly<Record<string, string | null>>;
  readonly stamps: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * The listing record of a meta dir (docs/spec/lifecycle.md 21), read as one
 * file. `undefined` when there is none, or it cannot be read or used
 * (another format version, not a finalized run's, damaged): the caller then
 * reads the meta files themselves. Never throws.
 *
 * @param metaDir the run's meta dir
 * @returns the record, or `undefined`
 * @example
 * ```ts
 * const record = readListingRecordSync(run.metaDir);
 * const exit = record && recordedTextSync(run.metaDir, record, 'proc/exit'); // '0'
 * ```
 */
export function readListingRecordSync(metaDir: string): ListingRecord | undefined {
  let text: string;
  // Runs of older builds have none: skip the stack trace of that error (10,000 runs, 10,000 errors).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    text = readTextSync(join(metaDir, LISTING_RECORD));
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return parseListingRecord(text);
}

/**
 * A meta file's text from the run's listing record, when the record still
 * tells the truth about it: a recorded text is taken only while the file
 * has the modification time and size it had when the record was written,
 * and a recorded `null` only while the file is still missing (one `stat`).
 * `undefined` means: read the file from disk (not recorded, or changed
 * since, whoever changed it).
 *
 * @param metaDir the run's meta dir
 * @param record its record
 * @param file a path under the meta dir (`proc/exit`)
 * @example
 * ```ts
 * recordedTextSync(run.metaDir, record, 'opref'); // '2 bench train'
 * ```
 */
export function recordedTextSync(metaDir: string, record: ListingRecord, file: string): string | null | undefined {
  const text = record.files[file];
  if (text === undefined) return undefined;
  const stats = statSync(join(metaDir, file), { throwIfNoEntry: false });
  if (text === null) return stats === undefined ? null : undefined;
  const stamp = record.stamps[file];
  return stats !== undefined && stamp !== undefined && stats.mtimeMs === stamp[0] && stats.size === stamp[1] && stats.isFile() ? text : undefined;
}

/**
 * Decodes the text of a listing record; `undefined` for one that cannot be
 * used (see {@link readListingRecordSync}).
 *
 * @example
 * ```ts
 * parseListingRecord('{"version":1,"files":{"proc/exit":"0"},"stamps":{"proc/exit":[1718000000123.5,1]}}')?.files; // { 'proc/exit': '0' }
 * ```
 */
export function parseListingRecord(text: string): ListingRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.version !== LISTING_RECORD_VERSION || !isObject(value.files) || !isObject(value.stamps)) return undefined;
  const { files, stamps } = value;
  // Only a finalized run's files stop changing (docs/spec/lifecycle.md 10): a record without an exit code is no record.
  if (typeof files['proc/exit'] !== 'string') return undefined;
  for (const key in files) {
    const v = files[key];
    if (v === null) continue;
    const stamp = stamps[key];
    if (typeof v !== 'string' || !Array.isArray(stamp) || stamp.length !== 2 || typeof stamp[0] !== 'number' || typeof stamp[1] !== 'number') return undefined;
  }
  return value as unknown as ListingRecord;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
