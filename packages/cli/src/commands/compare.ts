import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { compareColumns } from '../results/compare-columns.js';
import { fieldHeaders, resolveColumn } from '../results/resolve-column.js';
import { isLateAttr, readResultRows, RESULT_FILES } from '../results/result-row.js';
import { resultsCsv, resultsJson, resultsTable, type ResultsDocument } from '../results/results-document.js';
import { parseSortKeys, sortRows } from '../results/sort-rows.js';
import { listRunEntries, selectInfos } from '../runs/run-list.js';
import { whereOption } from './_common-options.js';

/** `gage compare`, decision 25 (docs/spec/cli.md 5.19). */
export const spec = defineCommand({
  name: 'compare',
  usage: '[options] [run]...',
  summary: 'Compare runs side by side.',
  description: 'Compare runs side by side: one row per run with its name, operation, start time, status and label, ' +
    'the flags whose values differ among the runs shown, and every metric.\n\n' +
    'Without runs, the 20 latest are shown (-a: all). Columns are run attributes (name, operation, started, ' +
    'status, label, id, stopped, time, exit_code, op_ns, op_version), config keys, metrics and summary attributes; ' +
    'prefix a name with run:, config:, metric: or attr: to choose one.',
  options: [
    whereOption,
    { key: 'all', flags: ['-a', '--all'], kind: 'flag', help: 'Compare all runs (default: the 20 latest).' },
    { key: 'sort', flags: ['--sort'], kind: 'list', metavar: '[-]COL',
      help: 'Sort by a column, descending with a leading - (repeatable; missing values last).' },
    { key: 'columns', flags: ['--columns'], kind: 'list', metavar: 'COLS', help: 'Show these columns (comma-separated) instead of the default ones.' },
    { key: 'all-flags', flags: ['--all-flags'], kind: 'flag', help: 'Show every flag, not only those that differ.' },
    { key: 'csv', flags: ['--csv'], kind: 'flag', help: 'Print CSV.' },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'Print JSON ({"colDefs", "rowData"}).' },
  ],
});

const PAGE = 20;

/**
 * Prints the comparison of the selected runs as a table, CSV or JSON.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['-a', '--sort', 'loss'], 'compare'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['all', 'runs'], ['csv', 'json'], ['columns', 'all-flags']], ctx.cmdPath);
  const usage = { cmdPath: ctx.cmdPath, usage: `gage ${ctx.cmdPath} ${spec.usage}` };
  const columnNames = splitColumns(parsed.options.columns, usage);
  const project = await loadProject(ctx);
  const specs = parsed.args;
  const limit = parsed.options.all || specs.length > 0 ? Infinity : PAGE;
  const named = [...(columnNames ?? []), ...parsed.options.sort.map((s) => s.replace(/^-/, ''))];
  const late = named.some((n) => isLateAttr(n.replace(/^run:/, '')));
  const list = await listRunEntries(resolveRunsDir(ctx, project), {
    where: parsed.options.where,
    rows: { count: specs.length > 0 ? 0 : limit, description: true, files: late ? [...RESULT_FILES, 'stopped'] : RESULT_FILES },
  });
  const picked = specs.length > 0 ? selectInfos(list, specs) : list;
  const shown = picked.slice(0, limit);
  let rows = await readResultRows(shown, { late });
  const colDefs = columnNames
    ? columnNames.map((name) => ({ field: resolveColumn(name, rows, '--columns') }))
    : compareColumns(rows, parsed.options['all-flags']);
  rows = sortRows(rows, parseSortKeys(parsed.options.sort, rows, usage));
  const doc: ResultsDocument = { colDefs, rows };
  const out = ctx.io.stdout;
  if (parsed.options.json) out.write(resultsJson(doc));
  else if (parsed.options.csv) out.write(resultsCsv(doc));
  else {
    out.write(resultsTable(doc, { mode: ctx.mode, headers: fieldHeaders(colDefs.map((c) => c.field ?? '')) }));
    if (shown.length < picked.length) out.write(`\n Showing ${shown.length} of ${picked.length} runs (use -a to show all)\n`);
  }
  return 0;
}

/** The names of `--columns` values, split at commas; `undefined` when not given. */
function splitColumns(values: readonly string[], usage: { cmdPath: string; usage: string }): string[] | undefined {
  if (values.length === 0) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((n) => n.trim());
  const empty = values.find((v) => v.split(',').some((n) => n.trim() === ''));
  if (empty !== undefined) throw new UsageError(usage.cmdPath, usage.usage, `Invalid value for '--columns': '${empty}' has an empty column name.`);
  return names;
}
