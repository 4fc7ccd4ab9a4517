import type { Run } from '@gage/types';

const SLICE = /^(-?\d+)?:(-?\d+)?$/;

/**
 * Selects runs from an already sorted list by run specs (docs/spec/lifecycle.md 16,
 * docs/spec/cli.md 3.2). Each spec selects by the first rule that yields something:
 *
 * 1. an integer `i` with `1 <= i <= runs.length`: the i-th run (1-based);
 * 2. a slice `start:end` (full match, either side optional, may be
 *    negative) with Python slice semantics after converting a positive
 *    `start` to 0-based: `:` all, `:1` first, `2:4` 2nd-4th, `-2:` last two,
 *    `:-4` all but the last four, `-3:-1` third- and second-from-last,
 *    `0:2` first two;
 * 3. every run whose id or name starts with the spec (so an out-of-range
 *    index such as `9` can still match an id starting with `9`).
 *
 * The union of all specs is returned in list order without duplicates. No
 * specs select nothing.
 *
 * @example
 * ```ts
 * const runs = await listRuns(runsDir, { sort: ['-timestamp'] });
 * selectRuns(runs, ['1']);      // the newest run
 * selectRuns(runs, ['-2:']);    // the two oldest
 * selectRuns(runs, ['abc', '3']); // runs whose id or name starts with 'abc', and the third
 * ```
 */
export function selectRuns(runs: readonly Run[], specs: readonly string[]): Run[] {
  const selected = new Set<number>();
  for (const spec of specs) {
    for (const i of selectIndexes(runs, spec)) selected.add(i);
  }
  return [...selected].sort((a, b) => a - b).map((i) => runs[i] as Run);
}

function selectIndexes(runs: readonly Run[], spec: string): number[] {
  if (/^\d+$/.test(spec)) {
    const i = Number(spec);
    if (i >= 1 && i <= runs.length) return [i - 1];
  }
  const slice = SLICE.exec(spec);
  if (slice) {
    const start = slice[1] === undefined ? 0 : Number(slice[1]);
    const end = slice[2] === undefined ? runs.length : Number(slice[2]);
    // Array.prototype.slice normalises negative and out-of-range bounds like Python.
    const indexes = runs.map((_, i) => i).slice(start > 0 ? start - 1 : start, end);
    if (indexes.length > 0) return indexes;
  }
  // An empty spec is a prefix of every id: it would select (and delete) every run.
  if (spec === '') return [];
  const found: number[] = [];
  runs.forEach((run, i) => {
    if (run.id.startsWith(spec) || run.name.startsWith(spec)) found.push(i);
  });
  return found;
}
