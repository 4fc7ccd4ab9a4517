import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import { formatHelp } from '../args/format-help.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { helpTopicText } from '../help/help-topic-text.js';
import { HELP_TOPICS } from '../help/help-topics.js';
import { renderMarkdown } from '../help/render-markdown.js';
import { pageText } from '../output/pager.js';

const NAME_WIDTH = Math.max(...HELP_TOPICS.map((t) => t.name.length));

/** `gage help`, docs/spec/cli.md 5.16. */
export const spec = defineCommand({
  name: 'help',
  usage: '[options] topic',
  summary: 'Show help for a topic.',
  description: ['Show help for a topic.', '', 'Topics:', ...HELP_TOPICS.map((t) => `  ${t.name.padEnd(NAME_WIDTH)}  ${t.summary}`)].join('\n'),
  options: [],
  maxArgs: 1,
});

/**
 * Prints the topic list, or a topic: rendered for a terminal (through the
 * pager), its Markdown source otherwise.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['exec'], 'help'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const name = parsed.args[0];
  if (name === undefined) {
    ctx.io.stdout.write(formatHelp(spec, ctx.cmdPath));
    return 0;
  }
  const text = helpTopicText(name);
  if (text === undefined) {
    const topics = HELP_TOPICS.map((t) => t.name).join(', ');
    throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `No such topic '${name}'. Topics: ${topics}.`);
  }
  if (!ctx.mode.styled) {
    ctx.io.stdout.write(text);
    return 0;
  }
  const rendered = renderMarkdown(text, { width: Math.min(ctx.mode.width, 100), color: ctx.mode.color });
  if (!(await pageText(ctx.io, rendered, ctx.mode.styled))) ctx.io.stdout.write(rendered);
  return 0;
}
