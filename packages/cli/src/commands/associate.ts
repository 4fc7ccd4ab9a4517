import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { associateProject, removeAssociateProject } from '@gage/meta';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors.js';
import { expandHome } from '../expand-home.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { listRunEntries, selectOne } from '../runs/run-list.js';

/** `gage associate`, docs/spec/cli.md 5.14. */
export const spec = defineCommand({
  name: 'associate',
  usage: '[options] run [project]',
  summary: 'Associate a run with a project directory.',
  description: 'Link a run to a local project directory, e.g. a run copied from another machine. ' +
    "'--remove' removes the association.",
  options: [{ key: 'remove', flags: ['-r', '--remove'], kind: 'flag', help: 'Remove the project association of the run.' }],
  maxArgs: 2,
});

/**
 * Writes or removes a run's project reference (`associateProject`,
 * `removeAssociateProject` of `@gage/meta`, docs/spec/lifecycle.md 13).
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['1', '.'], 'associate'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const [spec1, projectArg] = parsed.args;
  if (spec1 === undefined) throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, "Missing argument 'run'.");
  if (projectArg === undefined && !parsed.options.remove) {
    throw new CliError('ERR_GAGE_MISSING_OPTION', "Argument 'project' is required unless '--remove' is used.", {
      hint: `Try 'gage ${ctx.cmdPath} -h' for help.`,
    });
  }
  const project = await loadProject(ctx);
  const run = selectOne(await listRunEntries(resolveRunsDir(ctx, project)), spec1).run;
  if (parsed.options.remove) {
    await removeAssociateProject(run);
    ctx.io.stdout.write(`Removed project association for "${run.id}"\n`);
    return 0;
  }
  const dir = resolve(ctx.cwd, expandHome(projectArg as string, ctx.io.env));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // missing: said below
  }
  if (!isDir) throw new CliError('ERR_GAGE_NOT_A_DIRECTORY', `Project directory "${projectArg as string}" does not exist or is not a directory`);
  await associateProject(run, dir);
  ctx.io.stdout.write(`Associated "${run.id}" with ${dir}\n`);
  return 0;
}
