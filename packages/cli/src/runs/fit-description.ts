import { cutText, textWidth } from '../output/text-width.js';

const MIN_PART = 4;
const MIN_PAIR = 11;

/**
 * Fits a runs-table description into `width` (docs/spec/cli.md 4): the label, a space,
 * then `name=value` pairs. When everything does not fit, as many pairs as get
 * at least 11 characters each are shown (at least one), each cut to its
 * share keeping at least 4 characters of name and of value (shorter parts
 * whole); cut parts end in `…`.
 *
 * @param label the run label, if any
 * @param pairs `[name, value]` pairs in display order
 * @param width the column width
 * @example
 * ```ts
 * fitDescription('best', [['lr', '0.1']], 40); // 'best lr=0.1'
 * ```
 */
export function fitDescription(label: string | undefined, pairs: [string, string][], width: number): string {
  const full = [label, ...pairs.map(([k, v]) => `${k}=${v}`)].filter((s) => s !== undefined && s !== '').join(' ');
  if (textWidth(full) <= width) return full;
  const prefix = label ? label + ' ' : '';
  const avail = width - textWidth(prefix);
  if (pairs.length === 0 || avail < MIN_PAIR) return cutText(full, width);
  const count = Math.max(1, Math.min(pairs.length, Math.floor((avail + 1) / (MIN_PAIR + 1))));
  let share = Math.floor((avail - (count - 1)) / count);
  const parts: string[] = [];
  let left = avail;
  for (const [name, value] of pairs.slice(0, count)) {
    const budget = Math.min(left, share);
    parts.push(fitPair(name, value, budget));
    left -= textWidth(parts[parts.length - 1] as string) + 1;
    share = Math.max(share, Math.floor((left - (count - parts.length - 1)) / Math.max(1, count - parts.length)));
  }
  return cutText(prefix + parts.join(' '), width);
}

function fitPair(name: string, value: string, budget: number): string {
  const pair = `${name}=${value}`;
  if (textWidth(pair) <= budget) return pair;
  const nw = textWidth(name);
  const vw = textWidth(value);
  const minValue = Math.min(vw, MIN_PART);
  const nameWidth = Math.min(nw, Math.max(Math.min(nw, MIN_PART), budget - 1 - minValue));
  const valueWidth = Math.max(minValue, budget - 1 - nameWidth);
  return `${cutText(name, nameWidth)}=${cutText(value, valueWidth)}`;
}
