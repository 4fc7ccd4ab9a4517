import { readdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Run } from '@gage/types';
import { pathExists } from './_path-exists.js';
import { removeTree } from './_remove-tree.js';

/**
 * The marker file in the `.meta.deleted` dir of a run whose permanent
 * removal began: its other files may be gone, so it must not be restored.
 */
export const PURGING_MARKER = 'purging';

/**
 * Permanently removes every file of a run (docs/spec/lifecycle.md 17, decision 8):
 * the entries of the runs dir named exactly `<id>` or starting with `<id>.`,
 * where `<id>` is the run dir's name, so run `abc` never touches run `abcd`.
 * `<id>.lock` is left to the lock's release.
 *
 * The order keeps a half-removed run visible, so that an interrupted removal
 * (Ctrl-C in the middle of a big run dir, a crash) can be finished by a
 * purge: first `<id>.meta` moves to the trash (`<id>.meta.deleted`, as a
 * plain delete does) and gets a `purging` marker, then the run dir and the
 * other sidecars go, and the meta dir goes last. Until then the run is
 * listed among the deleted runs; the marker keeps it from being restored.
 * (docs/spec/lifecycle.md 17 removes the meta dir first, which left an interrupted
 * removal's run dir, `.user`, `.project` and `.lock` unseen and unremovable.)
 */
export async function removeRunFiles(run: Run): Promise<void> {
  const runsDir = dirname(run.runDir);
  const stem = basename(run.runDir);
  const active = `${run.runDir}.meta`;
  const trashed = `${run.runDir}.meta.deleted`;
  if (await pathExists(active)) {
    await removeTree(trashed); // a stale trashed meta dir, as a plain delete replaces it
    await rename(active, trashed);
  }
  if (await pathExists(trashed)) await markPurging(trashed);
  const names = (await readdir(runsDir)).filter((n) => n === stem || (n.startsWith(`${stem}.`) && n !== `${stem}.lock`));
  for (const name of names) {
    if (name !== `${stem}.meta.deleted`) await removeTree(join(runsDir, name));
  }
  await removeTree(trashed);
}

/**
 * Leaves the marker; a failure is ignored (the removal goes on: the marker
 * only guards a restore of a half-removed run).
 */
async function markPurging(metaDir: string): Promise<void> {
  await writeFile(join(metaDir, PURGING_MARKER), '').catch(() => undefined);
}
