import { addRunComment, CommentNotFoundError, deleteRunComment, editRunComment, runComments, type RunComment } from '@gage/meta';
import type { Run } from '@gage/types';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, PresentedError } from '../errors.js';
import { confirm } from '../output/confirm.js';
import { formatCommentPanel } from '../output/format-comment-panel.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { listRunEntries, selectInfos, selectOne } from '../runs/run-list.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { editText } from './_edit-text.js';
import { selectForChange } from './_select-for-change.js';

/** `gage comment`, docs/spec/cli.md 5.11. */
export const spec = defineCommand({
  name: 'comment',
  usage: '[options] [run]...',
  summary: 'Comment on runs.',
  description: "Add a comment to runs with the editor (VISUAL or EDITOR), or with '-m'. " +
    "'--list' shows the comments of runs (the latest run by default); '--edit' and '--delete' change one comment of one run.",
  options: [
    { key: 'msg', flags: ['-m', '--msg'], kind: 'value', metavar: 'MSG', help: 'The comment text (default: write it in the editor).' },
    { key: 'list', flags: ['-l', '--list'], kind: 'flag', help: 'Show run comments.' },
    { key: 'edit', flags: ['-e', '--edit'], kind: 'value', metavar: 'COMMENT', help: "Edit a comment (ids: '--list')." },
    { key: 'delete', flags: ['-d', '--delete'], kind: 'value', metavar: 'COMMENT', help: "Delete a comment (ids: '--list')." },
    { ...whereOption, help: 'Select runs matching a filter expression.' },
    allOption,
    yesOption,
  ],
});

type Args = CommandArgs<typeof spec>;

/**
 * Adds, lists, edits or deletes run comments (`@gage/meta` `addRunComment`,
 * `runComments`, `editRunComment`, `deleteRunComment`).
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['-m', 'Looks good', '1'], 'comment'));
 * ```
 */
export async function handler(ctx: Context, parsed: Args): Promise<number> {
  checkIncompatible(parsed, [['list', 'edit'], ['list', 'delete'], ['edit', 'delete'], ['list', 'msg'], ['delete', 'msg']], ctx.cmdPath);
  if (parsed.options.list) return listComments(ctx, parsed);
  if (parsed.options.edit !== undefined) return editComment(ctx, parsed, parsed.options.edit);
  if (parsed.options.delete !== undefined) return deleteComment(ctx, parsed, parsed.options.delete);
  return addComment(ctx, parsed);
}

async function addComment(ctx: Context, parsed: Args): Promise<number> {
  const { runs } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: false,
    missing: "Specify a run to modify or use '--all'.",
    listHint: "Use 'gage list' to show available runs.",
    nothingExit: 1,
  });
  const msg = (parsed.options.msg ?? (await editText(ctx, ''))).trim();
  if (msg === '') throw new CliError('ERR_GAGE_NOTHING_CHANGED', 'Nothing added');
  let added = 0;
  let last: Run | undefined;
  for (const { run } of runs) {
    try {
      await addRunComment(run, msg);
      added++;
      last = run;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ERR_GAGE_RUN_GONE') throw err;
      ctx.io.stderr.write(`Skipped run "${run.id}": it was deleted meanwhile\n`);
    }
  }
  ctx.io.stderr.write(added === 1 && last ? `Added comment to run ${last.name}\n` : `Added comment to ${runsCount(added)}\n`);
  return 0;
}

async function listComments(ctx: Context, parsed: Args): Promise<number> {
  checkIncompatible(parsed, [['all', 'runs']], ctx.cmdPath);
  const project = await loadProject(ctx);
  const list = await listRunEntries(resolveRunsDir(ctx, project), { where: parsed.options.where });
  const entries = parsed.options.all ? list : parsed.args.length > 0 ? selectInfos(list, parsed.args) : [selectOne(list, undefined)];
  for (const { run } of entries) {
    for (const c of await runComments(run)) ctx.io.stdout.write(formatCommentPanel(c, run.name, ctx.mode));
  }
  return 0;
}

/** The one run of `--edit` / `--delete`: the latest by default. */
async function oneRun(ctx: Context, parsed: Args, option: string): Promise<Run> {
  checkIncompatible(parsed, [['all', 'runs']], ctx.cmdPath);
  if (parsed.args.length > 1 || parsed.options.all) {
    throw new CliError('ERR_GAGE_ONE_RUN_ONLY', `Only one run can be specified with '${option}'.`, { hint: `Try 'gage ${ctx.cmdPath} -h' for help.` });
  }
  const project = await loadProject(ctx);
  const list = await listRunEntries(resolveRunsDir(ctx, project), { where: parsed.options.where });
  return selectOne(list, parsed.args[0]).run;
}

async function findComment(run: Run, id: string): Promise<RunComment> {
  const found = (await runComments(run)).find((c) => c.id === id);
  if (!found) throw notFound(new CommentNotFoundError(run.id, id), run, id);
  return found;
}

function notFound(err: CommentNotFoundError, run: Run, id: string): PresentedError {
  return new PresentedError(err, {
    message: `Cannot find comment '${id}' for run '${run.name}'.`,
    hint: `Use 'gage comment --list ${run.name}' to show run comments.`,
  });
}

async function editComment(ctx: Context, parsed: Args, id: string): Promise<number> {
  const run = await oneRun(ctx, parsed, '-e / --edit');
  const comment = await findComment(run, id);
  const msg = (parsed.options.msg ?? (await editText(ctx, comment.msg))).trim();
  if (msg === '' || msg === comment.msg) throw new CliError('ERR_GAGE_NOTHING_CHANGED', 'Comment was not modified.');
  try {
    await editRunComment(run, id, msg);
  } catch (err) {
    if (err instanceof CommentNotFoundError) throw notFound(err, run, id); // deleted meanwhile
    throw err;
  }
  ctx.io.stderr.write(`Modified comment ${id}\n`);
  return 0;
}

async function deleteComment(ctx: Context, parsed: Args, id: string): Promise<number> {
  const run = await oneRun(ctx, parsed, '-d / --delete');
  const comment = await findComment(run, id);
  if (!parsed.options.yes) {
    ctx.io.stderr.write(formatCommentPanel(comment, run.name, ctx.mode));
    ctx.io.stderr.write('You are about to delete this comment.\n\n');
    if (!(await confirm(ctx.io, 'Continue?', false))) return 0;
  }
  try {
    await deleteRunComment(run, id);
  } catch (err) {
    if (err instanceof CommentNotFoundError) throw notFound(err, run, id);
    throw err;
  }
  ctx.io.stderr.write(`Deleted comment ${id} from run ${run.name}\n`);
  return 0;
}
