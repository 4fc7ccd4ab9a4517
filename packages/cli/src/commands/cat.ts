import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { loadRunList, selectOne } from '../runs/run-list.js';
import { followOutput } from './_follow-output.js';
import { whereOption } from './_common-options.js';

/** `gage cat`, docs/spec/cli.md 5.5. */
export const spec = defineCommand({
  name: 'cat',
  usage: '[options] [run]',
  summary: 'Show contents of a run file.',
  options: [
    { key: 'path', flags: ['-p', '--path'], kind: 'value', metavar: 'PATH', help: 'File path relative to the run directory.' },
    { key: 'output', flags: ['-o', '--output'], kind: 'flag', help: 'Print the run output as recorded.' },
    { key: 'follow', flags: ['-f', '--follow'], kind: 'flag', help: 'Print the run output and follow it while the run is running.' },
    whereOption,
    { key: 'meta', flags: ['--meta'], kind: 'flag', hidden: true },
    { key: 'user', flags: ['--user'], kind: 'flag', hidden: true },
    { key: 'summary', flags: ['--summary'], kind: 'flag', hidden: true },
  ],
  maxArgs: 1,
});

/**
 * Writes the bytes of a run file to stdout.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['-p', 'hello.py'], 'cat'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['summary', 'path'], ['output', 'path'], ['follow', 'path'], ['output', 'summary'], ['follow', 'summary'], ['output', 'meta'], [
    'follow',
    'meta',
  ], ['output', 'user'], ['follow', 'user']], ctx.cmdPath);
  let path = parsed.options.path;
  const runSpec = parsed.args[0];
  if (parsed.options.follow) return followOutput(ctx, parsed, runSpec);
  const output = parsed.options.output;
  if (output) path = 'output/40_run';
  if (parsed.options.summary) path = 'summary.json';
  if (path === undefined) {
    throw new CliError(
      'ERR_GAGE_CAT_PATH_MISSING',
      `Specify the file to print using '--path'. Use 'gage show ${runSpec !== undefined ? `${runSpec} ` : ''}--files' to show available files.`,
    );
  }
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const info = selectOne(await loadRunList(runsDir, { where: parsed.options.where }), runSpec);
  const meta = output || parsed.options.meta || parsed.options.summary;
  const user = !meta && parsed.options.user;
  const base = meta ? info.run.metaDir : user ? info.run.runDir + '.user' : info.run.runDir;
  const full = join(base, path);
  const outside = () =>
    new CliError('ERR_GAGE_CAT_OUTSIDE', `cannot open "${path}": it leads outside the ${meta ? 'meta' : user ? 'user' : 'run'} directory "${base}"`, {
      hint: "A path given with '--path' is relative to that directory and must stay inside it.",
    });
  if (!isInside(base, full)) throw outside();
  let isFile: boolean;
  try {
    isFile = (await stat(full)).isFile();
  } catch {
    throw new CliError('ERR_GAGE_CAT_NO_FILE', `cannot open "${full}": no such file`);
  }
  if (!isFile) throw new CliError('ERR_GAGE_CAT_NOT_FILE', `cannot open "${full}": not a file`);
  // A symbolic link in the run (written by the run, or a sidecar's) may lead anywhere: check where it lands.
  if (!isInside(await realpath(base), await realpath(full))) throw outside();
  ctx.io.stdout.write(await readFile(full));
  return 0;
}

/** True when `path` is `dir` or below it (both absolute and normalized). */
function isInside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
