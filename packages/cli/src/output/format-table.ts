import { paint, type StyleName } from './ansi.js';
import { escapeControl } from './escape-control.js';
import { cutText, padText, textWidth, wrapText } from './text-width.js';

/** A table column. */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
  /** The flexible column (at most one): `cut` ends long cells in `…`, `wrap` wraps them at words. */
  flex?: 'cut' | 'wrap';
  /** Fits a flexible cell into `width`; default per `flex`. */
  fit?: (cell: string, width: number, row: number) => string;
  /** Styles of a cell in styled mode with colour. */
  style?: (cell: string, row: number) => StyleName[];
}

/** Options of {@link formatTable}. */
export interface FormatTableOptions {
  /** The width a table with a flexible column spans (`W`, docs/spec/cli.md 1.3). */
  width: number;
  /** Print the header and its separator (default true). */
  header?: boolean;
  /** Rounded box-drawing borders (styled mode) instead of ASCII pipes. */
  styled?: boolean;
  /** Colours (styled mode without `NO_COLOR`). */
  color?: boolean;
}

/**
 * Formats a table (docs/spec/cli.md 1.4): one space of padding, `|` between columns, a
 * `-` separator under the header; a table with a flexible column spans exactly
 * `width`. Control characters in headers and cells are escaped
 * (`escapeControl`): a cell never breaks its row nor reaches the terminal as
 * a command. Returns the lines, each ending in a newline.
 *
 * @param columns the columns
 * @param rows cell texts, one array per row
 * @param options width and mode
 * @example
 * ```ts
 * formatTable([{ header: 'a' }], [['x']], { width: 80 }); // '| a |\n|---|\n| x |\n'
 * ```
 */
export function formatTable(columns: TableColumn[], givenRows: string[][], options: FormatTableOptions): string {
  columns = columns.map((c) => ({ ...c, header: escapeControl(c.header) }));
  const rows = givenRows.map((r) => r.map((cell) => escapeControl(cell)));
  const showHeader = options.header ?? true;
  const widths = columns.map((c, i) => Math.max(showHeader ? textWidth(c.header) : 0, ...rows.map((r) => textWidth(r[i] ?? ''))));
  const flex = columns.findIndex((c) => c.flex !== undefined);
  let lines: string[][] = rows.map((r) => columns.map((_, i) => r[i] ?? ''));
  const rowOf: number[] = rows.map((_, i) => i);
  if (flex >= 0) {
    const others = widths.reduce((s, w, i) => (i === flex ? s : s + w), 0);
    const col = columns[flex] as TableColumn;
    const w = Math.max(options.width - others - 3 * columns.length - 1, showHeader ? textWidth(col.header) : 1);
    widths[flex] = w;
    const expanded: string[][] = [];
    rowOf.length = 0;
    lines.forEach((cells, r) => {
      const cell = cells[flex] as string;
      if (col.flex === 'wrap' && !col.fit) {
        wrapText(cell, w).forEach((part, k) => {
          expanded.push(columns.map((_, i) => (i === flex ? part : k === 0 ? (cells[i] as string) : '')));
          rowOf.push(r);
        });
      } else {
        expanded.push(cells.map((c, i) => (i === flex ? (col.fit ? escapeControl(col.fit(c, w, r)) : cutText(c, w)) : c)));
        rowOf.push(r);
      }
    });
    lines = expanded;
  }
  const color = options.color === true;
  const b = options.styled ? BOX : PLAIN;
  const border = (s: string) => paint(s, ['dim'], color);
  const row = (cells: string[], styleOf: (i: number, cell: string) => StyleName[]) =>
    border(b.v) +
    cells
      .map((cell, i) => {
        const col = columns[i] as TableColumn;
        const padded = padText(cell, widths[i] as number, col.align);
        const text = paint(cell, styleOf(i, cell), color);
        return ' ' + padded.replace(cell, () => text) + ' ';
      })
      .join(border(b.v)) +
    border(b.v);
  const rule = (l: string, m: string, r: string) => border(l + widths.map((w) => b.h.repeat(w + 2)).join(m) + r);
  const out: string[] = [];
  if (options.styled) out.push(rule('╭', '┬', '╮'));
  if (showHeader) {
    out.push(row(columns.map((c) => c.header), () => ['brightYellow']));
    out.push(options.styled ? rule('├', '┼', '┤') : rule('|', '|', '|'));
  }
  lines.forEach((cells, k) => out.push(row(cells, (i, cell) => columns[i]?.style?.(cell, rowOf[k] as number) ?? [])));
  if (options.styled) out.push(rule('╰', '┴', '╯'));
  return out.map((l) => l + '\n').join('');
}

const PLAIN = { v: '|', h: '-' };
const BOX = { v: '│', h: '─' };
