import { deleteRuns, findOrphanedRunFiles, purgeRuns, removeOrphanedRunFiles } from '@gage/meta';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { confirm } from '../output/confirm.js';
import { loadProject, resolveRunsDir } from '../project.js';
import type { RunInfo } from '../runs/run-info.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, archiveOption, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage purge`, docs/spec/cli.md 5.7. */
export const spec = defineCommand({
  name: 'purge',
  usage: '[options] [run]...',
  summary: 'Permanently delete runs.',
  description:
    "Permanently delete runs from the trash.\n\nRun specs and indexes refer to 'gage list --deleted'. With '--all' (and no\n'--where'), files left over from runs that no longer exist (run dirs and\nsidecars of interrupted deletes) are removed too.",
  options: [archiveOption, whereOption, allOption, yesOption],
});

/**
 * Permanently removes deleted runs; with `--all`, also the leftover files
 * of runs that no longer exist (`findOrphanedRunFiles`).
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--all', '-y'], 'purge'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const archive = parsed.options.archive;
  const withOrphans = parsed.options.all && parsed.options.where === undefined && archive === undefined;
  const runsDir = withOrphans ? resolveRunsDir(ctx, await loadProject(ctx)) : undefined;
  const orphans = runsDir === undefined ? [] : (await findOrphanedRunFiles(runsDir)).flatMap((o) => o.paths);
  let runs: RunInfo[] = [];
  let namespace: string | undefined;
  try {
    ({ runs, namespace } = await selectForChange(ctx, parsed, {
      // An archive's runs are purged from the archive (docs/spec/cli.md 5.12).
      deleted: archive === undefined,
      impliedAll: false,
      archive,
      missing: "Specify a deleted run to remove or use '--all'.",
      listHint: "Use 'gage list --deleted' to show deleted runs.",
      nothingExit: 0,
    }));
  } catch (err) {
    // An empty trash still has leftovers to remove.
    if ((err as { code?: unknown }).code !== 'ERR_GAGE_NOTHING_SELECTED' || orphans.length === 0) throw err;
  }
  const n = runsCount(runs.length);
  const leftovers = orphans.length === 0 ? '' : `${orphans.length} leftover ${orphans.length === 1 ? 'file' : 'files'} of runs that no longer exist`;
  const what = runs.length === 0 ? leftovers : leftovers ? `${n} and ${leftovers}` : n;
  const message = `You are about to PERMANENTLY delete ${what}. This cannot be undone.`;
  if (runs.length > 0) {
    if (!(await confirmChange(ctx, parsed, runs, namespace, message, false))) return 0;
  } else if (!parsed.options.yes) {
    ctx.io.stderr.write(`${orphans.map((p) => `  ${p}`).join('\n')}\n\n${message}\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', false))) return 0;
  }
  if (runs.length > 0) {
    if (archive === undefined) await purgeRuns(runs.map((r) => r.run));
    else await deleteRuns(runs.map((r) => r.run), { permanent: true });
    ctx.io.stderr.write(`Permanently deleted ${n}\n`);
  }
  if (runsDir !== undefined && orphans.length > 0) {
    const removed = await removeOrphanedRunFiles(runsDir);
    ctx.io.stderr.write(`Removed ${removed.length} leftover ${removed.length === 1 ? 'file' : 'files'} of runs that no longer exist\n`);
  }
  return 0;
}
