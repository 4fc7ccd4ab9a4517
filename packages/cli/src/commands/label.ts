import { logUserAttrs } from '@gage/meta';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage label`, docs/spec/cli.md 5.8. */
export const spec = defineCommand({
  name: 'label',
  usage: '[options] [run]...',
  summary: 'Set or clear run labels.',
  options: [
    { key: 'set', flags: ['-s', '--set'], kind: 'value', metavar: 'LABEL', help: 'Set the label of the runs.' },
    { key: 'clear', flags: ['-c', '--clear'], kind: 'flag', help: 'Clear the label of the runs.' },
    whereOption,
    allOption,
    yesOption,
  ],
});

/**
 * Sets or clears the `label` user attribute of runs, each under its run
 * lock (`logUserAttrs`); a run deleted by another process since it was
 * selected is skipped with a message and not counted.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--set', 'best', '3', '-y'], 'label'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['set', 'clear']], ctx.cmdPath);
  const label = parsed.options.set;
  const clear = parsed.options.clear;
  if (label === undefined && !clear) {
    throw new CliError('ERR_GAGE_LABEL_ACTION', "Specify either '--set' or '--clear'", { hint: `Try 'gage ${ctx.cmdPath} --help' for help.` });
  }
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: false,
    missing: "Specify a run to modify or use '--all'.",
    listHint: "Use 'gage list' to show available runs.",
    nothingExit: 1,
  });
  const n = runsCount(runs.length);
  const message = clear ? `You are about to clear the label of ${n}.` : `You are about to set the label of ${n} to '${label}'.`;
  if (!(await confirmChange(ctx, parsed, runs, namespace, message, true))) return 0;
  let changed = 0;
  for (const { run } of runs) {
    try {
      if (clear) await logUserAttrs(run, {}, ['label']);
      else await logUserAttrs(run, { label: label as string });
      changed++;
    } catch (err) {
      // Deleted by another process since it was selected: nothing to label.
      if ((err as { code?: unknown }).code !== 'ERR_GAGE_RUN_GONE') throw err;
      ctx.io.stderr.write(`Skipped run "${run.id}": it was deleted meanwhile\n`);
    }
  }
  ctx.io.stderr.write(`${clear ? 'Cleared' : 'Set'} label for ${runsCount(changed)}\n`);
  return 0;
}
