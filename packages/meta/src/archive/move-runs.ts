import { mkdir, rename, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Run } from '@gage/types';
import { associateProject } from '../project/associate-project.js';
import { distinctRuns, lockRuns, releaseLocks } from '../lock/_lock-runs.js';
import { warnMeta } from '../meta-logger.js';
import { pathExists } from '../delete/_path-exists.js';
import { runProjectFile, runUserDir } from '../run/_run-paths.js';
import { runProjectDir } from '../project/run-project-dir.js';

/**
 * Moves active runs to another runs dir on the same file system: archiving
 * and restoring from an archive (docs/spec/cli.md 5.12). Takes the run lock
 * of every run first, like `deleteRuns` (`RunLockedError` and nothing moved
 * when another process holds one). For each run, renames the run dir and
 * `<id>.user`, writes the project reference anew at the destination (a
 * relative `file:..` reference is relative to its runs dir) and removes the
 * old one, then renames `<id>.meta` **last**: until then the run is where it
 * was, so an interrupted move leaves it listed at its source, with the parts
 * moved so far at the destination, and moving it again finishes the move.
 * A run whose id the destination has already (active or deleted) is skipped
 * with a warning.
 *
 * @returns The runs as they are at the destination.
 * @throws {RunLockedError} `ERR_GAGE_RUN_LOCKED` when a run is in use.
 * @example
 * ```ts
 * await moveRuns(runs, archiveRunsDir(runsDir, 'baseline'));
 * ```
 */
export async function moveRuns(runs: readonly Run[], destRunsDir: string): Promise<Run[]> {
  const targets = distinctRuns(runs);
  const locks = await lockRuns(targets);
  const moved: Run[] = [];
  try {
    await mkdir(destRunsDir, { recursive: true });
    for (const run of targets) {
      const dest = join(destRunsDir, basename(run.runDir));
      if (!(await pathExists(`${run.runDir}.meta`))) continue;
      if ((await pathExists(`${dest}.meta`)) || (await pathExists(`${dest}.meta.deleted`))) {
        warnMeta(`Skipped run "${run.id}": "${destRunsDir}" has a run with that id already`);
        continue;
      }
      const to: Run = { ...run, runDir: dest, metaDir: `${dest}.meta` };
      const project = await runProjectDir(run);
      await renameIfThere(run.runDir, dest);
      await renameIfThere(runUserDir(run), runUserDir(to));
      if (project !== undefined) {
        await associateProject(to, project);
        await unlink(runProjectFile(run)).catch(() => undefined);
      } else {
        await renameIfThere(runProjectFile(run), runProjectFile(to));
      }
      await rename(`${run.runDir}.meta`, to.metaDir);
      moved.push(to);
    }
  } finally {
    await releaseLocks(locks);
  }
  return moved;
}

async function renameIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
