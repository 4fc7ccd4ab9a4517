import type { Run } from '@gage/types';
import { encodeManifest, type ManifestEntry } from './_manifest.js';
import { manifestEntries } from './_manifest-entries.js';
import { logRunnerSync } from '../meta-file/log-runner-sync.js';
import { readFilesLogSync } from './read-files-log-sync.js';
import { readManifestSync } from './read-manifest-sync.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';

/** Options of {@link writeManifest}. */
export interface WriteManifestOptions {
  /**
   * Log `File "<path>" was modified during the run` to the runner log for
   * every path of the previous manifest whose digest changed (`finalizeRun`).
   */
  logModified?: boolean | undefined;
}

/**
 * Writes the `manifest` of a run (docs/spec/lifecycle.md 7.4) from its files log:
 * replays the events (`a` adds the path with its type, `m` keeps the type,
 * `d` removes it; order = first insertion of the surviving paths) and digests
 * each file with SHA-256. A symlink is digested by its target path (the
 * bytes of `readlink`), never by following it: a link to a 3 GB data set
 * outside the run must not be read at every finalize, and a link inside the
 * run points at a file that has its own entry. Written atomically and left
 * writable: callers make
 * it read-only when they are done (`finalizeRun`). Logs nothing else; the
 * caller logs `Finalizing … (see manifest)`.
 *
 * @param run the run
 * @param options `{logModified}`
 * @returns the entries written
 * @throws {RunMetaError} `ERR_GAGE_RUN_META` when a listed file is missing or unreadable
 * @example
 * ```ts
 * await writeManifest(run); // manifest: s 3f9c639e…8fb0 say.py
 * ```
 */
export async function writeManifest(run: Run, options: WriteManifestOptions = {}): Promise<ManifestEntry[]> {
  const events = readFilesLogSync(run);
  const previous = options.logModified ? readManifestSync(run) : undefined;
  const entries = await manifestEntries(run, events);
  if (previous) {
    const digests = new Map(entries.map((e) => [e.path, e.sha256]));
    for (const old of previous) {
      const now = digests.get(old.path);
      if (now !== undefined && now !== old.sha256) logRunnerSync(run, `File "${old.path}" was modified during the run`);
    }
  }
  writeMetaFileSync(run, 'manifest', encodeManifest(entries), { writable: true });
  return entries;
}
