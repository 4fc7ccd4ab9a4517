import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { findForeignRuns, importRuns, type ForeignFormat, type ImportMode, type ImportRunsResult } from '@gage/meta';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors.js';
import { expandHome } from '../expand-home.js';
import { confirm } from '../output/confirm.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { runsCount } from '../output/runs-count.js';
import { parseWhere } from '../runs/run-list.js';
import { whereOption, yesOption } from './_common-options.js';

/** `gage import`, docs/spec/cli.md 5.25. */
export const spec = defineCommand({
  name: 'import',
  usage: '[options] SRC',
  summary: 'Import runs of Gage (Python) or Guild AI.',
  description: 'Import the runs of Gage (Python) (runs with a zipped meta dir, <id>.meta.zip) or Guild AI (e.g. ~/.guild/runs) found in SRC into the ' +
    'runs directory, converted to its layout. SRC is not changed unless you use --move. Runs already imported are skipped; running or damaged runs ' +
    'are skipped with their reason.',
  options: [
    { key: 'from', flags: ['--from'], kind: 'value', metavar: 'FORMAT', help: "Import only runs of this format: 'gage-py' or 'guild'." },
    { ...whereOption, help: 'Import runs matching a filter expression.' },
    { key: 'copy', flags: ['--copy'], kind: 'flag', help: 'Copy the run directories (default).' },
    { key: 'move', flags: ['--move'], kind: 'flag', help: 'Move the runs out of SRC.' },
    { key: 'link', flags: ['--link'], kind: 'flag', help: 'Hard-link the files of the run directories.' },
    { key: 'force', flags: ['-f', '--force'], kind: 'flag', help: 'Import runs again that the runs directory has already.' },
    { key: 'preview', flags: ['--preview'], kind: 'flag', help: 'Show what would be imported and stop.' },
    yesOption,
  ],
});

type Args = CommandArgs<typeof spec>;

const FORMAT_NAMES: Record<ForeignFormat, string> = { 'gage-py': 'Gage (Python)', guild: 'Guild AI' };

/**
 * Imports foreign runs (`importRuns` of `@gage/meta`): converts them first
 * without writing (the preview), asks, then imports.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['~/.guild/runs', '-y'], 'import'));
 * ```
 */
export async function handler(ctx: Context, parsed: Args): Promise<number> {
  checkIncompatible(parsed, [['copy', 'move'], ['copy', 'link'], ['move', 'link']], ctx.cmdPath);
  const usage = `gage ${ctx.cmdPath} ${spec.usage}`;
  const from = parsed.options.from;
  if (from !== undefined && from !== 'gage-py' && from !== 'guild') {
    throw new UsageError(ctx.cmdPath, usage, `Invalid value for '--from': '${from}' is not one of 'gage-py', 'guild'.`);
  }
  if (parsed.args.length !== 1)
    throw new UsageError(ctx.cmdPath, usage, parsed.args.length === 0 ? "Missing argument 'SRC'." : `Got unexpected extra argument (${parsed.args[1]})`);
  const src = resolve(ctx.cwd, expandHome(parsed.args[0] as string, ctx.io.env));
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const mode: ImportMode = parsed.options.move ? 'move' : parsed.options.link ? 'link' : 'copy';
  const filter = parsed.options.where === undefined || parsed.options.where.trim() === '' ? undefined : parseWhere(parsed.options.where);
  const options = {
    from: from as ForeignFormat | undefined,
    mode,
    force: parsed.options.force,
    author: userName(),
    filter: filter === undefined
      ? undefined
      : filter.term === undefined
      ? (row: Parameters<typeof filter.matches>[0]) => filter.matches(row)
      : termFilter(filter.term),
  };
  const found = (await findForeignRuns(src)).filter((r) => from === undefined || r.format === from);
  if (found.length === 0) {
    throw new CliError('ERR_GAGE_NOTHING_SELECTED', `No runs of ${from ? FORMAT_NAMES[from] : 'Gage (Python) or Guild AI'} in "${src}"`, {
      hint: 'Give the runs dir of Gage (Python) (~/.gage/runs) or Guild AI (~/.guild/runs).',
    });
  }
  // A preview pass to count and ask; with -y the import itself is the only pass.
  if (parsed.options.preview || !parsed.options.yes) {
    const plan = await importRuns(src, runsDir, { ...options, preview: true });
    if (parsed.options.preview) {
      printPlan(ctx, plan);
      return 0;
    }
    if (plan.imported.length === 0) {
      report(ctx, plan);
      return 0;
    }
    ctx.io.stderr.write(`You are about to import ${runsCount(plan.imported.length)} from ${src} into ${runsDir} (${mode})\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  report(ctx, await importRuns(src, runsDir, options));
  return 0;
}

function termFilter(term: string) {
  return (row: { operation?: string | null | undefined; status?: string | null | undefined; label?: string | null | undefined }) =>
    row.operation === term || row.status === term || (row.label ?? '').includes(term);
}

function printPlan(ctx: Context, plan: ImportRunsResult): void {
  for (const r of plan.imported) {
    const label = r.row.label ? ` ${r.row.label}` : '';
    ctx.io.stdout.write(`${r.id}  ${FORMAT_NAMES[r.format]}  ${r.row.operation ?? ''}  ${r.row.status ?? ''}${label}\n`);
    for (const note of r.notes) ctx.io.stdout.write(`  note: ${note}\n`);
  }
  for (const s of plan.skipped) ctx.io.stderr.write(`Skipped run ${s.id}: ${s.reason}\n`);
  ctx.io.stderr.write(`Would import ${runsCount(plan.imported.length)}\n`);
}

function report(ctx: Context, result: ImportRunsResult): void {
  for (const s of result.skipped) ctx.io.stderr.write(`Skipped run ${s.id}: ${s.reason}\n`);
  for (const r of result.imported) for (const note of r.notes) ctx.io.stderr.write(`Note for run ${r.id}: ${note}\n`);
  ctx.io.stderr.write(result.imported.length === 0 ? 'Nothing imported\n' : `Imported ${runsCount(result.imported.length)}\n`);
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
