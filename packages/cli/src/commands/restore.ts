import { moveRuns, restoreRuns } from '@gage/meta';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { runsCount } from '../output/runs-count.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { allOption, archiveOption, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage restore`, docs/spec/cli.md 5.7. */
export const spec = defineCommand({
  name: 'restore',
  usage: '[options] [run]...',
  summary: 'Restore deleted runs.',
  description:
    "Restore deleted runs.\n\nRun specs and indexes refer to 'gage list --deleted'. With '--archive NAME', runs of\nthat archive (all of them without run specs) move back to the runs list.",
  options: [whereOption, archiveOption, allOption, yesOption],
});

/**
 * Moves runs from the trash back to the active list.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['1', '-y'], 'restore'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const archive = parsed.options.archive;
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: archive === undefined,
    impliedAll: archive !== undefined,
    archive,
    missing: "Specify a run to restore or use '--all'.",
    listHint: "Use 'gage list --deleted' to show deleted runs.",
    nothingExit: 0,
  });
  if (!(await confirmChange(ctx, parsed, runs, namespace, `You are about to restore ${runsCount(runs.length)}.`, true))) return 0;
  // From an archive: its runs move back to the runs dir (docs/spec/cli.md 5.12).
  const restored: unknown = archive === undefined
    ? await restoreRuns(runs.map((r) => r.run))
    : await moveRuns(runs.map((r) => r.run), resolveRunsDir(ctx, await loadProject(ctx)));
  const count = Array.isArray(restored) ? restored.length : runs.length;
  ctx.io.stderr.write(`Restored ${runsCount(count)}\n`);
  return 0;
}
