import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree } from './_remove-tree.js';

/**
 * Permanently removes every file of a run (lifecycle.md 17, decision 8):
 * the entries of the runs dir named exactly `<id>` or starting with `<id>.`,
 * where `<id>` is the run dir's name, so run `abc` never touches run `abcd`.
 * The meta dir (`.meta`, `.meta.deleted`) goes first, so an interrupted
 * removal never leaves a listable run without its run dir. `<id>.lock` is
 * left to the lock's release.
 */
export async function removeRunFiles(run: Run): Promise<void> {
  const runsDir = dirname(run.runDir);
  const stem = basename(run.runDir);
  const names = (await readdir(runsDir)).filter((n) => n === stem || (n.startsWith(`${stem}.`) && n !== `${stem}.lock`));
  const isMeta = (n: string) => n === `${stem}.meta` || n === `${stem}.meta.deleted`;
  for (const name of [...names.filter(isMeta), ...names.filter((n) => !isMeta(n))]) {
    await removeTree(join(runsDir, name));
  }
}
