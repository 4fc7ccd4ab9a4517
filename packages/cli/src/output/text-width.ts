/**
 * Display width of a text: its number of code points (every character is
 * taken as one column wide).
 *
 * @example
 * ```ts
 * textWidth('a…'); // 2
 * ```
 */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Cuts `text` to at most `width` columns; a cut text ends in `…`.
 *
 * @example
 * ```ts
 * cutText('description', 5); // 'desc…'
 * ```
 */
export function cutText(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('') + '…';
}

/**
 * Wraps `text` at word boundaries into lines of at most `width` columns; a
 * word longer than `width` is split.
 *
 * @example
 * ```ts
 * wrapText('one two three', 7); // ['one two', 'three']
 * ```
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/ +/).filter((w) => w !== '')) {
    while (textWidth(word) > width && width > 0) {
      if (line) lines.push(line);
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
      line = '';
    }
    if (!word) continue;
    if (!line) line = word;
    else if (textWidth(line) + 1 + textWidth(word) <= width) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Pads `text` with spaces to `width` columns, on the right or (for
 * right-aligned cells) on the left.
 *
 * @example
 * ```ts
 * padText('7', 3, 'right'); // '  7'
 * ```
 */
export function padText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? pad + text : text + pad;
}
