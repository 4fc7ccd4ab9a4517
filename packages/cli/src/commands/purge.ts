import { purgeRuns } from '@gage/meta';
import type { CommandSpec, ParsedArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { runsCount } from '../runs/run-list.js';
import { allOption, archiveOption, rejectArchive, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage purge`, cli.md 5.7. */
export const spec: CommandSpec = {
  name: 'purge',
  usage: '[options] [run]...',
  summary: 'Permanently delete runs.',
  description: "Permanently delete runs from the trash.\n\nRun specs and indexes refer to 'gage list --deleted'.",
  options: [archiveOption, whereOption, allOption, yesOption],
};

/**
 * Permanently removes deleted runs.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--all', '-y'], 'purge'));
 * ```
 */
export async function handler(ctx: Context, parsed: ParsedArgs): Promise<number> {
  rejectArchive(parsed);
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: true,
    impliedAll: false,
    missing: "Specify a deleted run to remove or use '--all'.",
    listHint: "Use 'gage list --deleted' to show deleted runs.",
    nothingExit: 0,
  });
  const n = runsCount(runs.length);
  const message = `You are about to PERMANENTLY delete ${n}. This cannot be undone.`;
  if (!(await confirmChange(ctx, parsed, runs, namespace, message, false))) return 0;
  await purgeRuns(runs.map((r) => r.run));
  ctx.io.stderr.write(`Permanently deleted ${n}\n`);
  return 0;
}
