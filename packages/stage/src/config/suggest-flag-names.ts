import { compareCodePoints } from '@gage/types';

const MAX_DISTANCE = 2;
const MAX_SUGGESTIONS = 3;

/**
 * Known flag names a mistyped `name` may have meant (decision 15,
 * docs/spec/wave2.md): the leaves under `name` when it names a table or a
 * list (`optimizer` -> `optimizer.lr`), then names within edit distance 2
 * (Levenshtein), nearest first; at most 3, ties in code point order.
 *
 * @param name - the unknown flag name
 * @param known - the operation's flag names
 * @returns up to 3 names
 * @example
 * ```ts
 * suggestFlagNames('ephocs', ['epochs', 'lr']);                   // ['epochs']
 * suggestFlagNames('optimizer', ['optimizer.lr', 'optimizer.m']); // ['optimizer.lr', 'optimizer.m']
 * ```
 */
export function suggestFlagNames(name: string, known: readonly string[]): string[] {
  const children = known.filter((k) => k.startsWith(`${name}.`)).slice(0, MAX_SUGGESTIONS);
  const near: [number, string][] = [];
  for (const k of known) {
    if (children.includes(k)) continue;
    const d = editDistance(name, k, MAX_DISTANCE);
    if (d <= MAX_DISTANCE) near.push([d, k]);
  }
  near.sort((a, b) => a[0] - b[0] || compareCodePoints(a[1], b[1]));
  return [...children, ...near.map(([, k]) => k)].slice(0, MAX_SUGGESTIONS);
}

/** Levenshtein distance of `a` and `b` by code point, or `max + 1` once it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[t.length] as number;
}
