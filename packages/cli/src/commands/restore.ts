import { restoreRuns } from '@gage/meta';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { runsCount } from '../runs/run-list.js';
import { allOption, archiveOption, rejectArchive, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage restore`, docs/spec/cli.md 5.7. */
export const spec = defineCommand({
  name: 'restore',
  usage: '[options] [run]...',
  summary: 'Restore deleted runs.',
  description: "Restore deleted runs.\n\nRun specs and indexes refer to 'gage list --deleted'.",
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
  rejectArchive(parsed);
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: true,
    impliedAll: false,
    missing: "Specify a run to restore or use '--all'.",
    listHint: "Use 'gage list --deleted' to show deleted runs.",
    nothingExit: 0,
  });
  if (!(await confirmChange(ctx, parsed, runs, namespace, `You are about to restore ${runsCount(runs.length)}.`, true))) return 0;
  const restored: unknown = await restoreRuns(runs.map((r) => r.run));
  const count = Array.isArray(restored) ? restored.length : runs.length;
  ctx.io.stderr.write(`Restored ${runsCount(count)}\n`);
  return 0;
}
