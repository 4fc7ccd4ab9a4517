import { deleteRuns } from '@gage/meta';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage delete` (aliases `del`, `rm`), docs/spec/cli.md 5.7. */
export const spec = defineCommand({
  name: 'delete',
  usage: '[options] [run]...',
  summary: 'Delete runs.',
  description: "Delete runs.\n\nDeleted runs go to the trash ('gage list --deleted') and can be restored\nwith 'gage restore', unless '--permanent' is used.",
  options: [
    whereOption,
    allOption,
    { key: 'permanent', flags: ['-p', '--permanent'], kind: 'flag', help: 'Delete runs permanently.' },
    yesOption,
  ],
});

/**
 * Moves runs to the trash, or removes them with `-p`.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['-w', 'error', '-y'], 'rm'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const permanent = parsed.options.permanent;
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: parsed.options.where !== undefined,
    missing: "Specify a run to delete or use '--all'.",
    listHint: "Use 'gage list' to show available runs.",
    nothingExit: 1,
  });
  const n = runsCount(runs.length);
  const message = permanent ? `You are about to PERMANENTLY delete ${n}. This cannot be undone.` : `You are about to delete ${n}.`;
  if (!(await confirmChange(ctx, parsed, runs, namespace, message, !permanent))) return 0;
  await deleteRuns(runs.map((r) => r.run), { permanent });
  ctx.io.stderr.write(`${permanent ? 'Permanently deleted' : 'Deleted'} ${n}\n`);
  return 0;
}
