import { RunSelectError } from '@gage/meta';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { encodeJson } from '../output/encode-json.js';
import { formatWarning } from '../output/format-warning.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { diffRunFiles, FILE_TYPE_NAMES } from '../results/files-diff.js';
import { formatFilesDiff, formatRunDiff } from '../results/format-run-diff.js';
import { diffRuns, readProvenanceEntriesSync, type DiffEntry } from '../results/run-diff.js';
import { diffSourceFiles } from '../results/source-diff.js';
import { readRunInfo, type RunInfo } from '../runs/run-info.js';
import { listRunEntries, selectOne, type RunEntry } from '../runs/run-list.js';
import { deletedOption, whereOption } from './_common-options.js';

/** `gage diff`, decision 25 (docs/spec/cli.md 5.20). */
export const spec = defineCommand({
  name: 'diff',
  usage: '[options] [run-a [run-b]]',
  summary: 'Show how two runs differ.',
  description: 'Show how two runs differ: attributes, config, metrics, summary attributes and provenance side by side, ' +
    'changed entries marked with *.\n\n' +
    'Without runs, the second-latest run (2) is compared with the latest (1); with one run, that run with the latest.',
  options: [
    whereOption,
    deletedOption,
    { key: 'files', flags: ['--files'], kind: 'flag', help: 'Show the files added, removed or changed.' },
    { key: 'source', flags: ['--source'], kind: 'flag', help: 'Show a unified diff of the source code files that changed.' },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'Print the differences as JSON.' },
  ],
  maxArgs: 2,
});

/**
 * Compares two runs: the default view, `--files` or `--source`, as text or JSON.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['1', '2', '--json'], 'diff'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['files', 'source']], ctx.cmdPath);
  const project = await loadProject(ctx);
  const runsDir = resolveRunsDir(ctx, project);
  const deleted = parsed.options.deleted;
  const list = await listRunEntries(runsDir, { deleted, where: parsed.options.where });
  const specs = parsed.args.length === 0 ? ['2', '1'] : parsed.args.length === 1 ? [parsed.args[0] as string, '1'] : parsed.args;
  if (parsed.args.length === 0 && list.length < 2) {
    throw new CliError('ERR_GAGE_NOT_ENOUGH_RUNS', `Not enough runs to compare: ${list.length === 0 ? 'there are none' : 'there is only 1'}`, {
      hint: `Use 'gage ${ctx.cmdPath} RUN-A RUN-B' to name two runs, or 'gage list' to show available runs.`,
    });
  }
  const [ea, eb] = [await pick(runsDir, list, specs[0] as string, deleted), await pick(runsDir, list, specs[1] as string, deleted)];
  const a = await readRunInfo(ea);
  const b = ea === eb ? a : await readRunInfo(eb);
  const same = a.run.id === b.run.id;
  const err = ctx.io.stderr;
  if (same) err.write(`Comparing run ${a.run.name} with itself: nothing differs.\n`);
  else if (a.opref?.name !== b.opref?.name || a.opref?.ns !== b.opref?.ns) {
    err.write(`Runs ${a.run.name} and ${b.run.name} are of different operations (${opName(a)} and ${opName(b)}).\n`);
  }
  const head = { a: runHead(a), b: runHead(b), sameRun: same };
  const out = ctx.io.stdout;
  if (parsed.options.files || parsed.options.source) {
    const files = await diffRunFiles(a.run, b.run);
    for (const run of files.noManifest) err.write(formatWarning(`run ${run.id} has no manifest: compared as having no files`));
    if (parsed.options.files) {
      if (parsed.options.json) {
        out.write(encodeJson({
          ...head,
          files: files.changes.map((c) => ({ path: c.path, change: c.change, type: FILE_TYPE_NAMES[(c.b ?? c.a)?.type ?? ''] ?? null, a: c.a?.sha256,
            b: c.b?.sha256 })
          ),
          unchanged: BigInt(files.unchanged),
        }));
      } else out.write(formatFilesDiff(files, ctx.mode));
      return 0;
    }
    const patches = await diffSourceFiles(a.run, b.run, files.changes);
    if (parsed.options.json) out.write(encodeJson({ ...head, source: patches }));
    else for (const p of patches) out.write(p.patch);
    return 0;
  }
  const diff = diffRuns({ info: a, provenance: readProvenanceEntriesSync(a) }, { info: b, provenance: readProvenanceEntriesSync(b) });
  if (parsed.options.json) {
    const section = (entries: DiffEntry[]) => entries.map((e) => ({ name: e.name, a: e.a, b: e.b, changed: e.changed }));
    out.write(encodeJson({
      ...head,
      sameOperation: a.opref?.name === b.opref?.name && a.opref?.ns === b.opref?.ns,
      attributes: section(diff.attributes),
      config: section(diff.config),
      metrics: section(diff.metrics),
      summaryAttributes: section(diff.summaryAttributes),
      provenance: section(diff.provenance),
    }));
  } else out.write(formatRunDiff(diff, [a.run.name, b.run.name], ctx.mode, project.namespace));
  return 0;
}

/**
 * One run by its spec (docs/spec/cli.md 3.2). A spec that matches no run of the list
 * but names (by id or name prefix) a run in the trash says so.
 */
async function pick(runsDir: string, list: readonly RunEntry[], spec: string, deleted: boolean): Promise<RunEntry> {
  try {
    return selectOne(list, spec);
  } catch (err) {
    if (deleted || !(err instanceof RunSelectError) || err.code !== 'ERR_GAGE_NO_RUNS_MATCH') throw err;
    const trash = (await listRunEntries(runsDir, { deleted: true })).filter((e) => e.run.id.startsWith(spec) || e.run.name.startsWith(spec));
    if (trash.length === 0) throw err;
    const names = trash.map((e) => e.run.name).join(', ');
    throw new CliError('ERR_GAGE_RUN_DELETED', `'${spec}' matches no run, but ${trash.length === 1 ? `the deleted run ${names}` : `deleted runs (${names})`}`, {
      hint: `Restore it with 'gage restore ${spec}', or compare deleted runs with 'gage diff -d'.`,
    });
  }
}

function runHead(info: RunInfo): Record<string, unknown> {
  return { id: info.run.id, name: info.run.name, operation: info.opref?.name ?? null };
}

function opName(info: RunInfo): string {
  return info.opref?.name ?? 'unknown';
}
