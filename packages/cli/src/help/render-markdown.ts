import { paint, type StyleName } from '../output/ansi.js';
import { formatTable } from '../output/format-table.js';
import { textWidth } from '../output/text-width.js';

/** How {@link renderMarkdown} draws: the width to wrap to and whether to use colours. */
export interface RenderMarkdownOptions {
  width: number;
  color: boolean;
}

interface Word {
  text: string;
  styles: StyleName[];
  /** Joined to the word before without a space (text right after a code span). */
  glued: boolean;
}

/**
 * Renders the Markdown of a help topic for a terminal (docs/spec/cli.md
 * 5.16): headings bold, paragraphs and list items wrapped to `width`,
 * inline code cyan, `**bold**` and `*italic*` styled, code blocks
 * indented and unwrapped, tables drawn as the other tables of the CLI. Only
 * the Markdown the topics use is understood; anything else is shown as
 * written.
 *
 * @example
 * ```ts
 * renderMarkdown('# Title\n\nSome `code`.\n', { width: 80, color: true });
 * ```
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  const width = Math.max(20, options.width);
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blank();
      const level = (heading[1] as string).length;
      const text = stripInline(heading[2] as string);
      out.push(paint(level === 1 ? text.toUpperCase() : text, level === 1 ? ['bold', 'brightYellow'] : ['bold'], options.color));
      out.push('');
      i++;
      continue;
    }
    if (/^```/.test(line)) {
      blank();
      i++;
      while (i < lines.length && !/^```/.test(lines[i] as string)) out.push(paint(`    ${lines[i++] as string}`, ['cyan'], options.color));
      i++;
      out.push('');
      continue;
    }
    if (/^ {4}/.test(line)) {
      blank();
      while (i < lines.length && (/^ {4}/.test(lines[i] as string) || ((lines[i] as string).trim() === '' && /^ {4}/.test(lines[i + 1] ?? '')))) {
        out.push(paint(`  ${lines[i] as string}`.trimEnd(), ['cyan'], options.color));
        i++;
      }
      out.push('');
      continue;
    }
    if (/^\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i] as string)) {
        const cells = splitRow(lines[i] as string);
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells.map(stripInline));
        i++;
      }
      const [header = [], ...body] = rows;
      const columns = header.map((h, n) => ({ header: h, ...(n === header.length - 1 ? { flex: 'wrap' as const } : {}) }));
      out.push(...formatTable(columns, body, { width, styled: true, color: options.color }).trimEnd().split('\n'));
      out.push('');
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const indent = (item[1] as string).length;
      let text = item[3] as string;
      i++;
      while (i < lines.length && /^\s+\S/.test(lines[i] as string) && !/^\s*([-*]|\d+\.)\s/.test(lines[i] as string) &&
        !/^ {4}/.test((lines[i] as string).slice(indent + 2)))
      {
        text += ` ${(lines[i] as string).trim()}`;
        i++;
      }
      const bullet = `${' '.repeat(indent + 2)}${item[2] === '-' || item[2] === '*' ? '•' : item[2]} `;
      out.push(...wrapWords(parseInline(text), width, bullet, ' '.repeat(textWidth(bullet)), options.color));
      if (!/^\s*([-*]|\d+\.)\s/.test(lines[i] ?? '')) out.push('');
      continue;
    }
    let text = line.trim();
    i++;
    while (i < lines.length && (lines[i] as string).trim() !== '' && !/^(#|```|\||\s*([-*]|\d+\.)\s| {4})/.test(lines[i] as string)) {
      text += ` ${(lines[i] as string).trim()}`;
      i++;
    }
    out.push(...wrapWords(parseInline(text), width, '  ', '  ', options.color), '');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // A `|` inside a code span does not split (`a | b` in backquotes).
  const cells: string[] = [];
  let cell = '';
  let code = false;
  for (const ch of inner) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** The text of inline Markdown without its markers (for tables and headings). */
function stripInline(text: string): string {
  return parseInline(text).map((w, n) => (n > 0 && !w.glued ? ' ' : '') + w.text).join('');
}

/** Splits a paragraph into words, each with the styles of the span it is in. */
function parseInline(text: string): Word[] {
  const words: Word[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|(?<![\w*])[*_]([^*_\s][^*_]*)[*_](?![\w*])|(\S+?)(?=`|\*\*|\s|$)|(\s+)/gy;
  let space = true;
  for (const m of text.matchAll(pattern)) {
    if (m[5] !== undefined) {
      space = true;
      continue;
    }
    const [styles, content] = m[1] !== undefined
      ? [['cyan'] as StyleName[], m[1]]
      : m[2] !== undefined
      ? [['bold'] as StyleName[], m[2]]
      : m[3] !== undefined
      ? [['italic'] as StyleName[], m[3]]
      : [[] as StyleName[], m[4] ?? m[0]];
    const parts = styles.includes('cyan') ? [content] : content.split(/\s+/).filter((p) => p !== '');
    parts.forEach((p, n) => words.push({ text: p, styles, glued: n === 0 && !space }));
    space = false;
  }
  return words;
}

function wrapWords(words: Word[], width: number, first: string, rest: string, color: boolean): string[] {
  // A word and the words glued to it (`code`, then `.`) wrap as one.
  const units: Word[][] = [];
  for (const w of words) {
    const last = units[units.length - 1];
    if (w.glued && last) last.push(w);
    else units.push([w]);
  }
  const lines: string[] = [];
  let line = first;
  let used = textWidth(first);
  let empty = true;
  for (const unit of units) {
    const size = unit.reduce((n, w) => n + textWidth(w.text), 0);
    if (!empty && used + 1 + size > width) {
      lines.push(line);
      line = rest;
      used = textWidth(rest);
      empty = true;
    }
    line += (empty ? '' : ' ') + unit.map((w) => paint(w.text, w.styles, color)).join('');
    used += (empty ? 0 : 1) + size;
    empty = false;
  }
  lines.push(line);
  return lines;
}
