import { createHash } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Run, RunFileType } from '@gage/types';
import { encodeManifest, type ManifestEntry } from './_manifest.js';
import { RunMetaError } from '../errors.js';
import { fileSha256 } from './file-sha256.js';
import { logRunnerSync } from '../meta-file/log-runner-sync.js';
import { makeLoopYield } from '../io/make-loop-yield.js';
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
  const files = new Map<string, RunFileType>();
  for (const e of readFilesLogSync(run)) {
    if (e.event === 'd') files.delete(e.path);
    else if (e.event === 'a' || !files.has(e.path)) files.set(e.path, e.type);
  }
  const previous = options.logModified ? readManifestSync(run) : undefined;
  const entries: ManifestEntry[] = [];
  // Small files are digested synchronously: let the run lock's refresh timer run now and then.
  const pause = makeLoopYield();
  for (const [path, type] of files) {
    entries.push({ type, sha256: await digest(run, path), path });
    const turn = pause();
    if (turn) await turn;
  }
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

async function digest(run: Run, path: string): Promise<string> {
  const full = join(run.runDir, ...path.split('/'));
  try {
    if (lstatSync(full).isSymbolicLink()) return createHash('sha256').update(readlinkSync(full, { encoding: 'buffer' })).digest('hex');
    return await fileSha256(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new RunMetaError(run.id, 'log/files', `cannot digest "${path}" for the manifest (${code})`, {
      cause: err,
      hint: 'A file listed in log/files is missing from the run dir; scan the run dir first (scanRunFiles).',
    });
  }
}
