import type { RunComment } from '@gage/meta';
import type { OutputMode } from '../io.js';
import { escapeControl } from './escape-control.js';
import { formatPanel, keyValueLines } from './format-panel.js';
import { formatDateTime } from './format-time.js';
import { wrapText } from './text-width.js';

/**
 * The `comment --list` panel of one comment (docs/spec/cli.md 5.11): titled
 * `<comment id> <run name>`, the `author`, `date`, `run` and `comment id`
 * lines, a blank line, then the text, its lines wrapped to the panel and
 * control characters (tabs too) escaped.
 *
 * @example
 * ```ts
 * io.stdout.write(formatCommentPanel(comment, run.name, ctx.mode));
 * ```
 */
export function formatCommentPanel(c: RunComment, runName: string, mode: OutputMode): string {
  const lines = [
    ...keyValueLines([['author', c.author], ['date', formatDateTime(c.timestamp)], ['run', runName], ['comment id', c.id]]),
    '',
    ...commentTextLines(c.msg, mode.width - 4),
  ];
  return formatPanel(`${c.id} ${runName}`, lines, mode.width, { styled: mode.styled, color: mode.color });
}

/**
 * A comment's text as display lines: split at line breaks, control
 * characters escaped, each line wrapped to `width`.
 *
 * @example
 * ```ts
 * commentTextLines('a\nb', 40); // ['a', 'b']
 * ```
 */
export function commentTextLines(msg: string, width: number): string[] {
  return msg.split(/\r?\n/).flatMap((line) => wrapText(escapeControl(line), Math.max(1, width)));
}
