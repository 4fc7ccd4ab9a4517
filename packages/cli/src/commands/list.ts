import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { encodeJson } from '../output/encode-json.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { readRunInfos, readRunRows } from '../runs/run-info.js';
import { runJson } from '../runs/run-json.js';
import { foreignRunsNotice } from '../runs/foreign-runs-notice.js';
import { listRunEntries, selectInfos } from '../runs/run-list.js';
import { formatRunsTable, runsTableColumns, type RunsTableOptions } from '../runs/runs-table.js';
import { archiveOption, deletedOption, archiveOrRunsDir, runsJsonOption, whereOption } from './_common-options.js';

/** `gage list` (aliases `ls`, `runs`), docs/spec/cli.md 5.2. */
export const spec = defineCommand({
  name: 'list',
  usage: '[options] [run]...',
  summary: 'List runs.',
  description: 'List runs.\n\nRuns are listed newest first; index 1 is the latest run.',
  options: [
    { key: 'limit', flags: ['-n', '--limit'], kind: 'value', metavar: 'MAX', help: 'Number of runs to show (default 20).' },
    { key: 'more', flags: ['-m', '--more'], kind: 'count', help: 'Show another page of runs (repeatable).' },
    { key: 'all', flags: ['-a', '--all'], kind: 'flag', help: 'Show all runs.' },
    whereOption,
    deletedOption,
    archiveOption,
    runsJsonOption,
    { key: 'simple', flags: ['-0'], kind: 'flag', hidden: true },
  ],
});

const PAGE = 20;

/**
 * Prints the runs table or the runs as JSON. Lists and pages first, then
 * reads the details of the shown runs only, and only what is shown.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['-a'], 'ls'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['all', 'limit']], ctx.cmdPath);
  const limitText = parsed.options.limit;
  let pageSize = PAGE;
  if (limitText !== undefined) {
    if (!/^-?\d+$/.test(limitText.trim())) {
      throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `Invalid value for '-n' / '--limit': '${limitText}' is not a valid integer.`);
    }
    pageSize = Number(limitText);
  }
  const project = await loadProject(ctx);
  const runsDir = await archiveOrRunsDir(parsed, resolveRunsDir(ctx, project));
  const more = parsed.options.more;
  const limit = parsed.options.all ? Infinity : Math.max(0, pageSize) * (1 + more);
  const json = parsed.options.json;
  const tableOptions: RunsTableOptions = {
    mode: ctx.mode,
    namespace: project.namespace,
    simple: parsed.options.simple,
    dim: parsed.options.deleted,
  };
  const description = json || runsTableColumns(tableOptions).includes('description');
  const list = await listRunEntries(runsDir, {
    deleted: parsed.options.deleted,
    where: parsed.options.where,
    rows: { count: parsed.args.length > 0 ? 0 : limit, description },
  });
  const picked = parsed.args.length > 0 ? selectInfos(list, parsed.args) : list;
  const shown = picked.slice(0, limit);
  // Runs of Gage (Python) and Guild AI are not listed; say that they are there (docs/spec/import.md 1).
  const notice = parsed.options.deleted || parsed.options.archive !== undefined ? [] : await foreignRunsNotice(runsDir);
  if (json) {
    ctx.io.stdout.write(encodeJson((await readRunInfos(shown)).map(runJson)));
    for (const line of notice) ctx.io.stderr.write(`${line}\n`);
    return 0;
  }
  const rows = await readRunRows(shown, { description });
  ctx.io.stdout.write(formatRunsTable(rows, tableOptions));
  // Counted against the whole (filtered) list, also when run specs picked from it (docs/spec/cli.md 5.2).
  if (shown.length < list.length) {
    const hint = parsed.args.length > 0 ? '' : ` (use -${'m'.repeat(more + 1)} to show more)`;
    ctx.io.stdout.write(`\n Showing ${shown.length} of ${list.length} runs${hint}\n`);
  }
  for (const line of notice) ctx.io.stderr.write(`${line}\n`);
  return 0;
}
