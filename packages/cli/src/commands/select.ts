import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { encodeJson } from '../output/encode-json.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { readRunInfo, readRunInfos } from '../runs/run-info.js';
import { runJson } from '../runs/run-json.js';
import { listRunEntries, selectInfos, selectOne, type RunEntry } from '../runs/run-list.js';
import { deletedOption, runsJsonOption, whereOption } from './_common-options.js';

const SLICE = /^(-?\d+)?:(-?\d+)?$/;

const PROPS = ['name', 'run-dir', 'meta-dir', 'project-dir', 'label'] as const;

/** `gage select`, docs/spec/cli.md 5.4. */
export const spec = defineCommand({
  name: 'select',
  usage: '[options] [run]...',
  summary: 'Select runs and print their ID or a property.',
  description: 'Select runs and print their ID or a property, one line per run.\n\n' +
    'The latest run when no run is given. An index or an ID or name prefix selects one run;\n' +
    'a slice (1:5) selects each run in it, and --all every run.\n' +
    'Examples: cd "$(gage select --run-dir)"   gage select --all -w error | xargs gage delete -y',
  options: [
    { key: 'all', flags: ['-a', '--all'], kind: 'flag', help: 'Select all runs (after --where).' },
    { key: 'name', flags: ['--name'], kind: 'flag', help: 'Print the run name.' },
    { key: 'run-dir', flags: ['--run-dir'], kind: 'flag', help: 'Print the run directory.' },
    { key: 'meta-dir', flags: ['--meta-dir'], kind: 'flag', help: 'Print the meta directory.' },
    { key: 'project-dir', flags: ['--project-dir'], kind: 'flag', help: 'Print the project directory (empty if none).' },
    { key: 'label', flags: ['--label'], kind: 'flag', help: 'Print the run label (empty if none).' },
    whereOption,
    deletedOption,
    runsJsonOption,
  ],
});

/**
 * Prints one line per selected run (a slice or `--all` select several, for
 * `xargs`), or the selected runs as JSON.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--name', '2'], 'select'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['all', 'runs']], ctx.cmdPath);
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const list = await listRunEntries(runsDir, { deleted: parsed.options.deleted, where: parsed.options.where });
  const specs: (string | undefined)[] = parsed.args.length > 0 ? parsed.args : [undefined];
  const picked = parsed.options.all ? list : specs.flatMap((s) => selectForSpec(list, s));
  if (parsed.options.json) {
    const unique = list.filter((r) => picked.includes(r));
    ctx.io.stdout.write(encodeJson((await readRunInfos(unique)).map(runJson)));
    return 0;
  }
  const prop = parsed.order.find((k): k is (typeof PROPS)[number] => (PROPS as readonly string[]).includes(k));
  for (const entry of picked) ctx.io.stdout.write(`${await property(entry, prop)}\n`);
  return 0;
}

/**
 * The runs of one spec (docs/spec/cli.md 5.4): every run of a slice, in list
 * order; exactly one run for anything else (`selectOne` and its errors).
 */
function selectForSpec(list: RunEntry[], spec: string | undefined): RunEntry[] {
  if (spec === undefined || !SLICE.test(spec)) return [selectOne(list, spec)];
  const runs = selectInfos(list, [spec]);
  return runs.length > 0 ? runs : [selectOne(list, spec)]; // an empty slice: `No runs match '<spec>'`
}

async function property(entry: RunEntry, prop: (typeof PROPS)[number] | undefined): Promise<string> {
  switch (prop) {
    case 'name':
      return entry.run.name;
    case 'run-dir':
      return entry.run.runDir;
    case 'meta-dir':
      return entry.run.metaDir;
    case 'project-dir':
      return (await readRunInfo(entry)).projectDir ?? '';
    case 'label':
      return (await readRunInfo(entry)).label ?? '';
    default:
      return entry.run.id;
  }
}
