import { checkIncompatible } from '../args/check-incompatible.js';
import type { ParsedArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { confirm } from '../output/confirm.js';
import { loadProject, resolveRunsDir } from '../project.js';
import type { RunInfo } from '../runs/run-info.js';
import { loadRunList, selectInfos } from '../runs/run-list.js';
import { formatRunsTable } from '../runs/runs-table.js';
import { archiveOrRunsDir, type allOption, type whereOption, type yesOption } from './_common-options.js';

/** The options every modifying command has: `-a`, `-w`, `-y`. */
type ChangeArgs = ParsedArgs<readonly [typeof allOption, typeof whereOption, typeof yesOption]>;

/** How a modifying command selects its runs (docs/spec/cli.md 3.3, 5.7). */
export interface ChangeSelection {
  /** Select from the trash. */
  deleted: boolean;
  /** `--all` is implied (delete with `--where` and no specs). */
  impliedAll: boolean;
  /** First line of the missing-selection error. */
  missing: string;
  /** Second line: where to find runs. */
  listHint: string;
  /** Exit code for `Nothing selected`. */
  nothingExit: number;
  /** Select from this archive (`-A`, docs/spec/cli.md 5.12) instead of the runs dir; it must exist. */
  archive?: string | undefined;
}

/**
 * Selects the runs a modifying command changes: runs or `--all` (not both),
 * the missing-selection and `Nothing selected` errors.
 *
 * @example
 * ```ts
 * const { runs } = await selectForChange(ctx, parsed, { deleted: false, impliedAll: false, ... });
 * ```
 */
export async function selectForChange(ctx: Context, parsed: ChangeArgs, sel: ChangeSelection): Promise<{ runs: RunInfo[]; namespace: string | undefined }> {
  checkIncompatible(parsed, [['all', 'runs']], ctx.cmdPath);
  const all = parsed.options.all || (sel.impliedAll && parsed.args.length === 0);
  if (!all && parsed.args.length === 0) {
    throw new CliError('ERR_GAGE_NO_RUN_SPEC', sel.missing, {
      hint: `${sel.listHint}\n\nTry 'gage ${ctx.cmdPath} -h' for additional help.`,
    });
  }
  const project = await loadProject(ctx);
  const runsDir = resolveRunsDir(ctx, project);
  const dir = sel.archive === undefined ? runsDir : await archiveOrRunsDir({ options: { archive: sel.archive }, args: [], order: [], help: false }, runsDir);
  const list = await loadRunList(dir, { deleted: sel.deleted, where: parsed.options.where });
  const runs = all ? list : selectInfos(list, parsed.args);
  if (runs.length === 0) throw new CliError('ERR_GAGE_NOTHING_SELECTED', 'Nothing selected', { exitCode: sel.nothingExit });
  return { runs, namespace: project.namespace };
}

/**
 * Shows the selected runs on stderr and asks `Continue?` after `message`
 * (docs/spec/cli.md 1.6); true without asking when `-y` was given.
 *
 * @example
 * ```ts
 * if (!(await confirmChange(ctx, parsed, runs, ns, 'You are about to delete 1 run.', true))) return 0;
 * ```
 */
export async function confirmChange(
  ctx: Context,
  parsed: ChangeArgs,
  runs: RunInfo[],
  namespace: string | undefined,
  message: string,
  defaultYes: boolean,
): Promise<boolean> {
  if (parsed.options.yes) return true;
  ctx.io.stderr.write(formatRunsTable(runs, { mode: ctx.mode, namespace }));
  ctx.io.stderr.write(`${message}\n\n`);
  return confirm(ctx.io, 'Continue?', defaultYes);
}
