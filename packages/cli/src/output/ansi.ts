/** ANSI SGR codes used by the styled mode. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  grey: [90, 39],
  brightYellow: [93, 39],
  orange: [38, 39],
} as const;

/** Name of a style. */
export type StyleName = keyof typeof CODES;

/**
 * Wraps `text` in the ANSI codes of `styles` when `enabled`; otherwise returns
 * it unchanged.
 *
 * @example
 * ```ts
 * paint('done', ['green'], true); // '\x1b[32mdone\x1b[39m'
 * ```
 */
export function paint(text: string, styles: StyleName[], enabled: boolean): string {
  if (!enabled || text === '' || styles.length === 0) return text;
  let open = '';
  let close = '';
  for (const s of styles) {
    const [a, b] = CODES[s];
    open += s === 'orange' ? '\x1b[38;5;208m' : `\x1b[${a}m`;
    close = `\x1b[${b}m` + close;
  }
  return open + text + close;
}
