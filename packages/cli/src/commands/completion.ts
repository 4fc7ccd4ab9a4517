import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { bashScript } from '../completion/bash-script.js';
import { completionModel, SHELLS } from '../completion/completion-model.js';
import { fishScript } from '../completion/fish-script.js';
import { zshScript } from '../completion/zsh-script.js';

/** `gage completion`, docs/spec/cli.md 5.21. */
export const spec = defineCommand({
  name: 'completion',
  usage: '[options] shell',
  summary: 'Print a shell completion script.',
  description: [
    'Print a shell completion script for bash, zsh or fish.',
    '',
    'It completes commands, options, help topics, the operations and flags',
    'of the project, and run names.',
    '',
    'bash:  eval "$(gage completion bash)"          (in ~/.bashrc)',
    'zsh:   source <(gage completion zsh)           (in ~/.zshrc)',
    'fish:  gage completion fish | source           (in ~/.config/fish/config.fish)',
  ].join('\n'),
  options: [],
  maxArgs: 1,
});

/**
 * Prints the completion script of a shell.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['bash'], 'completion'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const shell = parsed.args[0];
  const usage = `gage ${ctx.cmdPath} ${spec.usage}`;
  if (shell === undefined) throw new UsageError(ctx.cmdPath, usage, `Missing argument 'shell': one of ${SHELLS.join(', ')}.`);
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(ctx.cmdPath, usage, `Unsupported shell '${shell}': use one of ${SHELLS.join(', ')}.`);
  }
  const model = await completionModel();
  ctx.io.stdout.write(shell === 'bash' ? bashScript(model) : shell === 'zsh' ? zshScript(model) : fishScript(model));
  return 0;
}
