import { paint } from './ansi.js';
import { escapeControl } from './escape-control.js';
import { cutText, padText, textWidth } from './text-width.js';

/**
 * Formats a panel (docs/spec/cli.md 1.5): the title centred in `width`, then each
 * content line framed as `| ` + text padded to `width - 4` + ` |`; control
 * characters escaped (`escapeControl`), so a line stays one framed line.
 * Returns lines ending in newlines.
 *
 * @param title panel title
 * @param lines content lines (already fitted)
 * @param width `W`
 * @param options styled mode uses `│` and a bold title
 * @example
 * ```ts
 * formatPanel('Config', ['name  Bob'], 20); // '       Config\n| name  Bob        |\n'
 * ```
 */
export function formatPanel(title: string, lines: string[], width: number, options: { styled?: boolean; color?: boolean } = {}): string {
  title = escapeControl(title);
  const left = Math.max(0, Math.floor((width - textWidth(title)) / 2));
  const v = options.styled ? paint('│', ['dim'], options.color === true) : '|';
  let out = ' '.repeat(left) + paint(title, ['bold'], options.color === true) + '\n';
  for (const line of lines) out += `${v} ${padText(cutText(escapeControl(line), width - 4), width - 4)} ${v}\n`;
  return out;
}

/**
 * Key/value panel content: keys padded to the longest key plus two spaces.
 *
 * @example
 * ```ts
 * keyValueLines([['id', 'x'], ['name', 'y']]); // ['id    x', 'name  y']
 * ```
 */
export function keyValueLines(pairs: [string, string][]): string[] {
  const safe = pairs.map(([k, v]) => [escapeControl(k), escapeControl(v)] as const);
  const w = Math.max(0, ...safe.map(([k]) => textWidth(k)));
  return safe.map(([k, v]) => (padText(k, w + 2) + v).trimEnd());
}
