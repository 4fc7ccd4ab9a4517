import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeReadOnlySync, readManifestSync } from '@gage/meta';
import type { Run } from '@gage/types';

/**
 * Makes the files of a finished run read-only again as `finalizeRun` left
 * them (docs/spec/lifecycle.md 5.4): every file of its meta dir, the run
 * files its manifest lists, and its user attribute entries. rclone does not
 * keep file modes, so a run downloaded from a remote has writable files;
 * `gage copy --src REMOTE:PATH` calls this on each downloaded run before
 * `copyRuns` checks it against its manifest and moves it into the runs dir.
 * Write bits are cleared, others kept; symlinks are left alone.
 *
 * @example
 * ```ts
 * await restoreReadOnly(downloadedRun);
 * ```
 */
export async function restoreReadOnly(run: Run): Promise<void> {
  await makeTreeReadOnly(run.metaDir);
  for (const entry of readManifestSync(run) ?? []) makeReadOnlyIfFile(join(run.runDir, ...entry.path.split('/')));
  await makeTreeReadOnly(`${run.runDir}.user`);
}

async function makeTreeReadOnly(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeTreeReadOnly(path);
    else if (entry.isFile()) makeReadOnlySync(path);
  }
}

function makeReadOnlyIfFile(path: string): void {
  try {
    makeReadOnlySync(path);
  } catch (err) {
    // A manifest entry the download lacks (an empty dir is not copied): copyRuns reports what differs.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
