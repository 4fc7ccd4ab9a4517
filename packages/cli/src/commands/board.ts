import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFileError, loadDataFile } from '@gage/stage';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, PresentedError } from '../errors.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { DEFAULT_BOARD, parseBoardConfig, type BoardDef } from '../results/board-config.js';
import { boardDocument, boardFields, selectBoardRuns } from '../results/board-data.js';
import { isLateAttr, readResultRows, RESULT_FILES } from '../results/result-row.js';
import { resultsCsv, resultsJson, resultsTable } from '../results/results-document.js';
import { listRunEntries, selectInfos } from '../runs/run-list.js';
import { whereOption } from './_common-options.js';

/** `gage board`, docs/spec/cli.md 5.15 (`--export`: decision 26). */
export const spec = defineCommand({
  name: 'board',
  usage: '[options] [run]...',
  summary: 'Show a board of run results.',
  description: 'Show a board of run results: a table, CSV or JSON of the runs (all of them by default) with their ' +
    'attributes, config, summary attributes and metrics.\n\n' +
    'A board config (JSON, TOML or YAML) chooses the runs (run-select, group-select) and the columns. ' +
    'By default the first of board.json, board.toml and board.yaml in the current directory is used.',
  options: [
    whereOption,
    { key: 'config', flags: ['-c', '--config'], kind: 'value', metavar: 'PATH',
      help: 'Use this board config (default: board.json, board.toml or board.yaml, if present).' },
    { key: 'no-config', flags: ['--no-config'], kind: 'flag', help: "Don't use a board config." },
    { key: 'csv', flags: ['--csv'], kind: 'flag', help: 'Print the board as CSV.' },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'Print the board as JSON.' },
    { key: 'export', flags: ['--export'], kind: 'value', metavar: 'DIR',
      help: "Write the board's runs as a static web app (gage view) to DIR, a new or empty directory." },
  ],
});

/** The default board config files, first found wins (docs/spec/cli.md 5.15). */
const DEFAULT_CONFIGS = ['board.json', 'board.toml', 'board.yaml'];

/**
 * Prints the board of the selected runs as a table, CSV or JSON.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--json'], 'board'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const o = parsed.options;
  if (o.json && o.csv) throw new CliError('ERR_GAGE_INCOMPATIBLE_OPTIONS', "You can't use both --json and --csv options.");
  if (o['no-config'] && o.config !== undefined) throw new CliError('ERR_GAGE_INCOMPATIBLE_OPTIONS', "You can't use both --config and --no-config options.");
  if (o.export !== undefined && (o.json || o.csv)) {
    throw new CliError('ERR_GAGE_INCOMPATIBLE_OPTIONS', `You can't use both --export and --${o.json ? 'json' : 'csv'} options.`);
  }
  const board = await loadBoard(ctx, o.config, o['no-config']);
  const project = await loadProject(ctx);
  const late = boardFields(board).some((f) => f.startsWith('run:') && isLateAttr(f.slice(4)));
  const files = late ? [...RESULT_FILES, 'stopped'] : RESULT_FILES;
  const list = await listRunEntries(resolveRunsDir(ctx, project), { where: o.where, rows: { count: Infinity, description: true, files } });
  const picked = parsed.args.length > 0 ? selectInfos(list, parsed.args) : list;
  const entries = await selectBoardRuns(picked, board);
  if (ctx.verbose > 0) ctx.io.stderr.write(`Board of ${entries.length === 1 ? '1 run' : `${entries.length} runs`}\n`);
  if (o.export !== undefined) {
    // The web app, loaded only now (decision 26).
    const { exportViewSite } = await import('@gage/view');
    const dir = resolve(ctx.cwd, o.export);
    const { runs } = await exportViewSite({ runsDir: resolveRunsDir(ctx, project), dir, runs: entries.map((e) => e.run.id) });
    ctx.io.stdout.write(`Exported ${runs === 1 ? '1 run' : `${runs} runs`} to ${dir}\nOpen ${join(dir, 'index.html')} in a browser.\n`);
    return 0;
  }
  const doc = boardDocument(board, await readResultRows(entries, { late }));
  if (o.json) ctx.io.stdout.write(resultsJson(doc));
  else if (o.csv) ctx.io.stdout.write(resultsCsv(doc));
  else ctx.io.stdout.write(resultsTable(doc, { mode: ctx.mode }));
  return 0;
}

/** The board config: `-c PATH`, else the first default file found, else none (also with `--no-config`). */
async function loadBoard(ctx: Context, given: string | undefined, noConfig: boolean): Promise<BoardDef> {
  const path = noConfig ? undefined : given ?? DEFAULT_CONFIGS.find((name) => existsSync(join(ctx.cwd, name)));
  if (path === undefined) {
    if (ctx.verbose > 0) ctx.io.stderr.write('Using the default board config\n');
    return DEFAULT_BOARD;
  }
  let data: unknown;
  try {
    data = await loadDataFile(resolve(ctx.cwd, path));
  } catch (err) {
    if (!(err instanceof DataFileError)) throw err;
    throw new PresentedError(err, { message: `Cannot load board config "${path}": ${err.message}` });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new CliError('ERR_GAGE_BOARD_CONFIG', `Unexpected board config in "${path}" - expected a map`);
  }
  if (ctx.verbose > 0) ctx.io.stderr.write(`Using board config "${path}"\n`);
  return parseBoardConfig(data as Record<string, unknown>);
}
