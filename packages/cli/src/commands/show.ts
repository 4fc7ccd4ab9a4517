import { join } from 'node:path';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs, type OptionKey } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { homeDir } from '../expand-home.js';
import { encodeJson } from '../output/encode-json.js';
import { formatWarning } from '../output/format-warning.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { readRegularFile } from '../runs/_read-regular-file.js';
import { readRunFiles } from '../runs/run-files.js';
import { runJson } from '../runs/run-json.js';
import { readRunInfo } from '../runs/run-info.js';
import { listRunEntries, selectOne } from '../runs/run-list.js';
import { runProblems } from '../runs/run-problems.js';
import { readRunProvenanceSync } from '../runs/run-provenance.js';
import { readRunOutputs, SHOW_OUTPUT_LINES } from '../runs/run-output.js';
import { deletedOption, whereOption } from './_common-options.js';
import { formatConfigTable, formatFilesTable, formatScalarsTable, formatShowView, formatSummaryTable } from './_show-view.js';
import { iterRunScalars, summarizeScalars } from '@gage/proc';
import { runComments } from '@gage/meta';
import { compareCodePoints } from '@gage/types';

/** `gage show`, docs/spec/cli.md 5.3. */
export const spec = defineCommand({
  name: 'show',
  usage: '[options] [run]',
  summary: 'Show information about a run.',
  description: 'Show information about a run (the latest run by default).',
  options: [
    whereOption,
    { key: 'config', flags: ['-c', '--config'], kind: 'flag', help: 'Show only the run config.' },
    { key: 'summary', flags: ['-s', '--summary'], kind: 'flag', help: 'Show only the run summary.' },
    { key: 'output', flags: ['-o', '--output'], kind: 'flag', help: 'Show only the run output.' },
    { key: 'files', flags: ['-f', '--files'], kind: 'flag', help: 'Show only the run files.' },
    { key: 'scalars', flags: ['--scalars'], kind: 'flag', help: 'Show only the run scalars: last, min, max, count and last step of each key.' },
    { key: 'limit-files', flags: ['--limit-files'], kind: 'value', metavar: 'N', help: 'Files shown in the full view (default 50).' },
    { key: 'all-files', flags: ['--all-files'], kind: 'flag', help: 'Show all files in the full view.' },
    { key: 'limit-output', flags: ['--limit-output'], kind: 'value', metavar: 'N',
      help: `Last output lines shown in the full view, per phase (default ${SHOW_OUTPUT_LINES}).` },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'Print the run as JSON.' },
    deletedOption,
    { key: 'simple', flags: ['-0'], kind: 'flag', hidden: true },
  ],
  maxArgs: 1,
});

const INCOMPATIBLE: [OptionKey<typeof spec.options>, OptionKey<typeof spec.options>][] = [
  ['config', 'files'],
  ['config', 'output'],
  ['config', 'summary'],
  ['summary', 'files'],
  ['summary', 'output'],
  ['output', 'files'],
  ['scalars', 'config'],
  ['scalars', 'summary'],
  ['scalars', 'files'],
  ['scalars', 'output'],
];

/**
 * Shows one run: the full view, one part of it, or JSON.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--config'], 'show'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, INCOMPATIBLE, ctx.cmdPath);
  const limitText = countOption(ctx, parsed, 'limit-files');
  const outputLimit = countOption(ctx, parsed, 'limit-output');
  const project = await loadProject(ctx);
  const list = await listRunEntries(resolveRunsDir(ctx, project), { deleted: parsed.options.deleted, where: parsed.options.where });
  const entry = selectOne(list, parsed.args[0]);
  const info = await readRunInfo(entry);
  // A damaged meta dir is still shown, as far as it can be, and the damage is named.
  for (const problem of runProblems(entry)) ctx.io.stderr.write(formatWarning(`run ${info.run.id}: ${problem}`));
  const out = ctx.io.stdout;
  if (parsed.options.json && parsed.options.config) {
    out.write(encodeJson(sortedObject(info.config)));
  } else if (parsed.options.json && parsed.options.summary) {
    out.write(encodeJson({ attributes: sortedObject(info.summary.attributes), metrics: sortedObject(info.summary.metrics) }));
  } else if (parsed.options.json && parsed.options.scalars) {
    out.write(encodeJson((await summarizeScalars(iterRunScalars(info.run))).map((s) => ({ ...s, count: BigInt(s.count), lastStep: BigInt(s.lastStep) }))));
  } else if (parsed.options.scalars) {
    out.write(formatScalarsTable(await summarizeScalars(iterRunScalars(info.run)), ctx.mode));
  } else if (parsed.options.json) {
    const files = await readRunFiles(info.run);
    out.write(encodeJson({
      ...runJson(info),
      metaDir: info.run.metaDir,
      files: files.map((f) => ({ path: f.path, type: f.type, size: BigInt(f.size) })),
      provenance: readRunProvenanceSync(info.run) ?? null,
      comments: (await readComments(ctx, info.run.id, info.run)).map((c) => ({ id: c.id, author: c.author, time: new Date(c.timestamp).toISOString(),
        msg: c.msg })
      ),
    }));
  } else if (parsed.options.config) {
    out.write(formatConfigTable(info, ctx.mode));
  } else if (parsed.options.summary) {
    out.write(formatSummaryTable(info, ctx.mode));
  } else if (parsed.options.files) {
    out.write(formatFilesTable(await readRunFiles(info.run), ctx.mode, parsed.options.simple));
  } else if (parsed.options.output) {
    const bytes = await readRegularFile(join(info.run.metaDir, 'output', '40_run')).catch(() => undefined);
    if (bytes) out.write(bytes);
  } else {
    const fileLimit = parsed.options['all-files'] ? Infinity : limitText === undefined ? 50 : Number(limitText);
    const outputs = await readRunOutputs(info.run, { limit: outputLimit === undefined ? undefined : Number(outputLimit) });
    const view = {
      info,
      provenance: readRunProvenanceSync(info.run),
      files: await readRunFiles(info.run),
      fileLimit,
      outputs,
      home: homeDir(ctx.io.env),
      comments: await readComments(ctx, info.run.id, info.run),
    };
    out.write(formatShowView(view, ctx.mode));
  }
  return 0;
}

/** The run's comments; a damaged attr log is named on stderr and shows none (the rest of the run is still shown). */
async function readComments(ctx: Context, id: string, run: Parameters<typeof runComments>[0]): Promise<Awaited<ReturnType<typeof runComments>>> {
  try {
    return await runComments(run);
  } catch (err) {
    ctx.io.stderr.write(formatWarning(`run ${id}: cannot read comments: ${(err as Error).message}`));
    return [];
  }
}

/** The text of a `--limit-*` option, checked to be a whole number. */
function countOption(ctx: Context, parsed: CommandArgs<typeof spec>, key: 'limit-files' | 'limit-output'): string | undefined {
  const text = parsed.options[key];
  if (text !== undefined && !/^\d+$/.test(text)) {
    throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `Invalid value for '--${key}': '${text}' is not a valid integer.`);
  }
  return text;
}

function sortedObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort(compareCodePoints))
    Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  return out;
}
