import { ArchiveError, archiveRunsDir, deleteArchive, listArchives, moveRuns, renameArchive } from '@gage/meta';
import { quote } from 'shlex';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { confirm } from '../output/confirm.js';
import { formatTable } from '../output/format-table.js';
import { formatRelativeTime } from '../output/format-time.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage archive`, docs/spec/cli.md 5.12. */
export const spec = defineCommand({
  name: 'archive',
  usage: '[options] [run]...',
  summary: 'Archive runs.',
  description: "Move runs to an archive: a new one named after the time by default, or '--name NAME' (created when missing). " +
    "'gage list -A NAME' shows an archive's runs, 'gage restore -A NAME' moves them back, 'gage purge -A NAME' deletes them. " +
    "'--list' shows archives; '--delete' removes an empty one, '--delete-empty' every empty one; '--rename CURRENT NEW' renames one.",
  options: [
    { key: 'name', flags: ['-n', '--name'], kind: 'value', metavar: 'NAME', help: 'Archive name (created when missing).' },
    { key: 'archive', flags: ['-A', '--archive'], kind: 'value', metavar: 'NAME', help: 'An existing archive.' },
    { key: 'delete', flags: ['-d', '--delete'], kind: 'value', metavar: 'NAME', help: 'Delete an empty archive.' },
    { key: 'delete-empty', flags: ['--delete-empty'], kind: 'flag', help: 'Delete every empty archive.' },
    { key: 'rename', flags: ['-r', '--rename'], kind: 'value', metavar: 'CURRENT NEW', help: 'Rename an archive.' },
    { key: 'list', flags: ['-l', '--list'], kind: 'flag', help: 'Show archives.' },
    { ...whereOption, help: 'Archive runs matching a filter expression.' },
    { ...allOption, help: 'Archive all runs.' },
    yesOption,
  ],
});

type Args = CommandArgs<typeof spec>;

/**
 * Archives runs, or lists, deletes or renames archives (`@gage/meta`
 * `moveRuns`, `listArchives`, `deleteArchive`, `renameArchive`).
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--all', '-n', 'baseline', '-y'], 'archive'));
 * ```
 */
export async function handler(ctx: Context, parsed: Args): Promise<number> {
  checkIncompatible(
    parsed,
    [['archive', 'name'], ['list', 'name'], ['list', 'delete'], ['list', 'delete-empty'], ['list', 'rename'], ['rename', 'delete'], ['rename', 'delete-empty'],
      ['delete-empty', 'delete']],
    ctx.cmdPath,
  );
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const o = parsed.options;
  if (o.list) return listArchivesTable(ctx, runsDir);
  if (o.rename !== undefined) {
    if (parsed.args.length !== 1)
      throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, "Option '--rename' requires 2 arguments.", { short: true });
    await renameArchive(runsDir, o.rename, parsed.args[0] as string);
    ctx.io.stderr.write(`Renamed archive '${o.rename}' to '${parsed.args[0] as string}'\n`);
    return 0;
  }
  if (o.delete !== undefined) return deleteOne(ctx, parsed, runsDir, o.delete);
  if (o['delete-empty']) return deleteEmpty(ctx, parsed, runsDir);
  return archiveRuns(ctx, parsed, runsDir);
}

async function archiveRuns(ctx: Context, parsed: Args, runsDir: string): Promise<number> {
  const given = parsed.options.archive ?? parsed.options.name;
  const name = given ?? defaultName(new Date());
  const dest = archiveRunsDir(runsDir, name); // checks the name before anything else
  if (parsed.options.archive !== undefined && !(await listArchives(runsDir)).some((a) => a.name === name)) throw ArchiveError.notFound(name);
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: false,
    missing: "Specify one or more runs to archive or use '--all'.",
    listHint: "Use 'gage list' to show available runs.",
    nothingExit: 1,
  });
  const message = `You are about to archive ${runsCount(runs.length)}${given === undefined ? '' : ` to ${name}`}.`;
  if (!(await confirmChange(ctx, parsed, runs, namespace, message, true))) return 0;
  const moved = await moveRuns(runs.map((r) => r.run), dest);
  ctx.io.stderr.write(`Archived ${runsCount(moved.length)} to ${name}\n\nUse 'gage restore --archive ${quote(name)}' to restore from this archive.\n`);
  return 0;
}

/** The default archive name: the local time as `YYYY-MM-DD-HHMMSS`. */
function defaultName(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

async function listArchivesTable(ctx: Context, runsDir: string): Promise<number> {
  const now = Date.now();
  const rows = (await listArchives(runsDir)).map((a) => [a.name, String(a.runs), a.lastArchived === undefined ? '' : formatRelativeTime(a.lastArchived, now)]);
  const columns = [{ header: 'name' }, { header: 'runs', align: 'right' as const }, { header: 'last archived' }];
  ctx.io.stdout.write(formatTable(columns, rows, { width: ctx.mode.width, styled: ctx.mode.styled, color: ctx.mode.color }));
  return 0;
}

async function deleteOne(ctx: Context, parsed: Args, runsDir: string, name: string): Promise<number> {
  if (!(await listArchives(runsDir)).some((a) => a.name === name)) {
    archiveRunsDir(runsDir, name); // an invalid name says so
    throw ArchiveError.notFound(name);
  }
  if (!parsed.options.yes) {
    ctx.io.stderr.write(`You are about to delete archive ${name}.\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  await deleteArchive(runsDir, name);
  ctx.io.stderr.write(`Deleted archive ${name}\n`);
  return 0;
}

async function deleteEmpty(ctx: Context, parsed: Args, runsDir: string): Promise<number> {
  const empty = (await listArchives(runsDir)).filter((a) => a.runs === 0);
  if (empty.length === 0) {
    ctx.io.stderr.write('Nothing to delete\n');
    return 0;
  }
  const n = empty.length;
  const what = n === 1 ? '1 empty archive' : `${n} empty archives`;
  if (!parsed.options.yes) {
    const columns = [{ header: 'name' }, { header: 'runs', align: 'right' as const }];
    ctx.io.stderr.write(formatTable(columns, empty.map((a) => [a.name, '0']), { width: ctx.mode.width, styled: ctx.mode.styled, color: ctx.mode.color }));
    ctx.io.stderr.write(`You are about to delete ${what}.\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  let deleted = 0;
  for (const a of empty) {
    try {
      await deleteArchive(runsDir, a.name);
      deleted++;
    } catch (err) {
      // Filled or removed by another process since it was listed: leave it.
      const code = (err as { code?: unknown }).code;
      if (code !== 'ERR_GAGE_ARCHIVE_NOT_EMPTY' && code !== 'ERR_GAGE_ARCHIVE_NOT_FOUND') throw err;
    }
  }
  ctx.io.stderr.write(`Deleted ${deleted === 1 ? '1 empty archive' : `${deleted} empty archives`}\n`);
  return 0;
}
