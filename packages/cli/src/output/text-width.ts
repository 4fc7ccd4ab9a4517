import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}{2}/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200B\u2060\uFE00-\uFE0F]/u;

let segmenter: Intl.Segmenter | undefined;

/** The grapheme clusters of `text` (what a terminal draws as one character). */
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Columns one grapheme cluster takes on a terminal (Unicode UAX #11 and
 * emoji presentation): 2 for East Asian Wide and Fullwidth characters and
 * for emoji shown as emoji (a ZWJ sequence or flag is one emoji); 0 for a
 * cluster of combining marks or format characters alone; else 1.
 * Ambiguous-width characters are narrow, as the standard advises without
 * context.
 */
function graphemeWidth(g: string): number {
  if (EMOJI_PRESENTATION.test(g)) return 2;
  if (ZERO_WIDTH.test(g)) return 0;
  return eastAsianWidth(g.codePointAt(0) as number, { ambiguousAsWide: false });
}

/**
 * Display width of a text in terminal columns: CJK characters and emoji take
 * two, combining marks and zero-width joiners none (the joined sequence is one
 * emoji).
 *
 * @example
 * ```ts
 * textWidth('a…');   // 2
 * textWidth('测试'); // 4
 * textWidth('🚀');   // 2
 * textWidth('é');    // 1 (e + combining acute)
 * ```
 */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let n = 0;
  for (const g of graphemes(text)) n += graphemeWidth(g);
  return n;
}

/** The longest prefix of `text` that fits `width` columns, by whole grapheme clusters. */
function fitPrefix(text: string, width: number): { head: string; rest: string } {
  let used = 0;
  let end = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > width) break;
    used += w;
    end += g.length;
  }
  return { head: text.slice(0, end), rest: text.slice(end) };
}

/**
 * Cuts `text` to at most `width` columns; a cut text ends in `…`. A wide
 * character is never split.
 *
 * @example
 * ```ts
 * cutText('description', 5); // 'desc…'
 * cutText('测试测试', 5);    // '测试…'
 * ```
 */
export function cutText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  return fitPrefix(text, width - 1).head + '…';
}

/**
 * Wraps `text` at word boundaries into lines of at most `width` columns; a
 * word longer than `width` is split (never inside a grapheme cluster).
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
      const { head, rest } = fitPrefix(word, width);
      // A cluster wider than the whole line still has to go somewhere.
      const take = head === '' ? graphemes(word)[0] as string : head;
      lines.push(take);
      word = head === '' ? word.slice(take.length) : rest;
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
 * padText('测', 3);         // '测 '
 * ```
 */
export function padText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? pad + text : text + pad;
}
