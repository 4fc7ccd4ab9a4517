import { listRuns } from '@gage/meta';
import { readProjectConfig, resolveOperation } from '@gage/stage/project';
import { compareCodePoints } from '@gage/types';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { loadProject, resolveRunsDir } from '../project.js';

/**
 * `gage __complete`: the candidates a completion script asks gage for
 * (docs/spec/cli.md 5.21), one per line. Hidden from help.
 */
export const spec = defineCommand({
  name: '__complete',
  usage: '[options] operations|flags [operation]|runs',
  summary: 'Print completion candidates.',
  options: [{ key: 'deleted', flags: ['-d', '--deleted'], kind: 'flag', help: 'Runs in the trash.' }],
  maxArgs: 2,
});

/**
 * Prints operation names, the flags of an operation (`name=`; without an
 * operation name, the operation names and then the default operation's
 * flags), or run names (newest first). Where there
 * is nothing to offer (no project, a Gage file that does not load, no runs
 * dir) it prints nothing and exits 0: a completion never shows an error.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['runs'], '__complete'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const [what, opName] = parsed.args;
  if (what !== 'operations' && what !== 'flags' && what !== 'runs') {
    throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `Unknown candidates '${what ?? ''}'.`);
  }
  const words = await candidates(ctx, what, opName, parsed.options.deleted).catch(() => []);
  if (words.length > 0) ctx.io.stdout.write(`${words.join('\n')}\n`);
  return 0;
}

async function candidates(ctx: Context, what: 'operations' | 'flags' | 'runs', opName: string | undefined, deleted: boolean): Promise<string[]> {
  switch (what) {
    case 'operations': {
      const gagefile = (await loadProject(ctx)).gagefile;
      return (gagefile?.operations ?? []).map((op) => op.name).sort(compareCodePoints);
    }
    case 'flags': {
      // Without an operation: what can follow `gage run`, the operations and the default operation's flags.
      const project = await loadProject(ctx);
      if (!project.gagefile || !project.projectDir) return [];
      const ops = opName === undefined ? project.gagefile.operations.map((op) => op.name).sort(compareCodePoints) : [];
      let flags: string[] = [];
      try {
        const opdef = resolveOperation(project.gagefile, opName);
        flags = Object.keys(await readProjectConfig(project.projectDir, opdef)).sort(compareCodePoints).map((k) => `${k}=`);
      } catch {
        // no such operation, no default one, or a config that does not read: no flags
      }
      return [...ops, ...flags];
    }
    case 'runs': {
      // Names only, newest first (the order of `gage runs`): the runs list's reading of status, labels and filters is not needed.
      const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
      return (await listRuns(runsDir, { sort: ['-timestamp'], deleted })).map((run) => run.name);
    }
  }
}
