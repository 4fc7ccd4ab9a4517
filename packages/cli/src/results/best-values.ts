import { numberOf } from './result-values.js';

/**
 * Words that make a metric "lower is better" when a metric's name holds one
 * of them as a word (decision 25).
 */
const LOWER_IS_BETTER_WORDS: readonly string[] = ['loss', 'error', 'err', 'mse', 'mae', 'rmse', 'perplexity', 'ppl', 'wer', 'cer', 'latency', 'time'];

const LOWER = new Set(LOWER_IS_BETTER_WORDS);

/**
 * True when smaller values of the metric `name` are better: the name, split
 * into words at every character that is not a letter and at each lower-case
 * to upper-case change (`val_loss`, `valLoss`, `top1-error`, `train.time`),
 * has a word of {@link LOWER_IS_BETTER_WORDS} (any case). Otherwise larger
 * is better (`acc`, `f1`, `bleu`).
 *
 * @example
 * ```ts
 * lowerIsBetter('val_loss'); // true
 * lowerIsBetter('accuracy'); // false
 * lowerIsBetter('lossless_ratio'); // false: 'lossless' is not 'loss'
 * ```
 */
export function lowerIsBetter(name: string): boolean {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/);
  return words.some((w) => LOWER.has(w));
}

/**
 * The indexes of the best values of a metric column: the smallest or the
 * largest number ({@link lowerIsBetter}), every tie included. Nothing is
 * best when fewer than two values are numbers or all numbers are equal.
 *
 * @param name the metric's name (without `metric:`)
 * @param values the column's values, one per row
 * @example
 * ```ts
 * bestIndexes('loss', [0.3, 0.1, undefined, 0.1]); // Set {1, 3}
 * ```
 */
export function bestIndexes(name: string, values: readonly unknown[]): Set<number> {
  const nums = values.map(numberOf);
  const present = nums.filter((n): n is number => n !== undefined);
  const best = new Set<number>();
  if (present.length < 2) return best;
  const lower = lowerIsBetter(name);
  const target = present.reduce((a, b) => (lower ? Math.min(a, b) : Math.max(a, b)));
  if (present.every((n) => n === target)) return best;
  nums.forEach((n, i) => {
    if (n === target) best.add(i);
  });
  return best;
}
