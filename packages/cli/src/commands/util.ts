import { formatHelp } from '../args/format-help.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import { parseArgs } from '../args/parse-args.js';
import type { CommandModule } from '../command-table.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** The `util` subcommands, loaded when they run. */
const SUBCOMMANDS: Record<string, () => Promise<CommandModule>> = {
  'purge-run-files': () => import('./util-purge-run-files.js') as Promise<CommandModule>,
};

/** `gage util`, docs/spec/cli.md 5.17. */
export const spec = defineCommand({
  name: 'util',
  usage: 'COMMAND [ARGS]...',
  summary: 'Utility commands.',
  description: 'Utility commands.\n\nCommands:\n  purge-run-files  Permanently delete run files.',
  options: [],
  // The subcommand's arguments are its own: parsing stops at its name.
  beforeCommand: true,
});

/**
 * Prints its help without a subcommand, else runs the subcommand with the
 * arguments after it (`gage util purge-run-files -a -f '*.ckpt'`).
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['purge-run-files', '-a', '-f', '*.bin'], 'util'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const [name, ...rest] = parsed.args;
  if (name === undefined) {
    ctx.io.stdout.write(formatHelp(spec, ctx.cmdPath));
    return 0;
  }
  const load = SUBCOMMANDS[name];
  if (!load) throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `No such command '${name}'.`);
  const mod = await load();
  const cmdPath = `${ctx.cmdPath} ${name}`;
  const sub = parseArgs(mod.spec, rest, cmdPath);
  if (sub.help) {
    ctx.io.stdout.write(formatHelp(mod.spec, cmdPath));
    return 0;
  }
  return (await mod.handler({ ...ctx, cmdPath }, sub)) ?? 0;
}
