import { createHash } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Run, RunFileType } from '@gage/types';
import { RunMetaError } from '../errors.js';
import { makeLoopYield } from '../io/make-loop-yield.js';
import type { FilesLogEntry } from './_files-log.js';
import type { ManifestEntry } from './_manifest.js';
import { fileSha256 } from './file-sha256.js';

/**
 * The manifest entries of a run (docs/spec/lifecycle.md 7.4) from the events
 * of its files log: replays them (`a` adds the path with its type, `m` keeps
 * the type, `d` removes it; order = first insertion of the surviving paths)
 * and digests each file of the run dir with SHA-256 (a symlink by its target
 * path). Shared by {@link writeManifest} and `gage import`, which has the
 * events in memory.
 *
 * @throws {RunMetaError} `ERR_GAGE_RUN_META` when a listed file is missing or unreadable
 */
export async function manifestEntries(run: Run, events: readonly FilesLogEntry[]): Promise<ManifestEntry[]> {
  const files = new Map<string, RunFileType>();
  for (const e of events) {
    if (e.event === 'd') files.delete(e.path);
    else if (e.event === 'a' || !files.has(e.path)) files.set(e.path, e.type);
  }
  const entries: ManifestEntry[] = [];
  // Small files are digested synchronously: let the run lock's refresh timer run now and then.
  const pause = makeLoopYield();
  for (const [path, type] of files) {
    entries.push({ type, sha256: await digest(run, path), path });
    const turn = pause();
    if (turn) await turn;
  }
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
