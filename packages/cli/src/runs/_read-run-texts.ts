// Imported by the read-ahead worker too: only the light entries of `@gage/meta` (see `_read-ahead-worker.ts`).
import { join } from 'node:path';
import { readListingRecordSync, recordedTextSync } from '@gage/meta/listing-record';
import { readTextSync } from '@gage/meta/read-text-sync';

/** A file read ahead: its text, `null` when it (or its meta dir) is missing, `false` when it could not be read (read it again to see why). */
export type RunText = string | null | false;

/**
 * Appends to `out` the texts of `files` of one meta dir: from the run's
 * listing record when it has one (docs/spec/lifecycle.md 21: one read and
 * a `stat` per file instead of a read per file), else (and for a file the
 * record left out, or one changed since) from the files themselves.
 *
 * @param metaDir the meta dir
 * @param files paths under it, `/`-separated
 * @param out where the texts go, in the order of `files`
 * @example
 * ```ts
 * const texts: RunText[] = [];
 * readRunTexts(run.metaDir, ['opref', 'proc/exit'], texts); // ['2 test test\n', '0']
 * ```
 */
export function readRunTexts(metaDir: string, files: readonly string[], out: RunText[]): void {
  const record = readListingRecordSync(metaDir);
  for (const file of files) {
    const recorded = record && recordedTextSync(metaDir, record, file);
    out.push(recorded !== undefined ? recorded : readFile(join(metaDir, file)));
  }
}

function readFile(path: string): RunText {
  // A missing file is common (summary.json): skip the stack trace of its error.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return readTextSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : false;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
