import type { Run } from '@gage/types';
import { writeFileAtomicSync } from '../io/_write-file-atomic-sync.js';
import { runMetaPath } from '../run/run-meta-path.js';
import { withParentDir } from './_with-parent-dir.js';

/** Options of {@link writeMetaFileSync}. */
export interface WriteMetaFileOptions {
  /** Keep the file writable (mode `0o666` minus umask); default read-only. */
  writable?: boolean | undefined;
}

/**
 * Writes a meta file atomically: the content goes to a temp file in the same
 * dir, which is then renamed over `relPath`, so a reader (another `gage`
 * process listing runs) sees the old file or the whole new one, never half
 * of it. Missing parent dirs are created. The file is read-only
 * (docs/spec/lifecycle.md 5.4: the default mode minus every write bit, `0o444` with the
 * usual umask) unless `writable`.
 *
 * @param run the run
 * @param relPath path under the meta dir, `/`-separated (`proc/cmd`)
 * @param content the text (UTF-8) or bytes to write
 * @param options `{writable}`
 * @returns the absolute path written
 * @example
 * ```ts
 * writeMetaFileSync(run, 'sys/platform.json', '"linux 6.1 x86_64"');
 * ```
 */
export function writeMetaFileSync(
  run: Run,
  relPath: string,
  content: string | Uint8Array,
  options: WriteMetaFileOptions = {},
): string {
  const path = runMetaPath(run, ...relPath.split('/'));
  withParentDir(run, path, () => writeFileAtomicSync(path, content, options.writable ? 0o666 : 0o444));
  return path;
}
