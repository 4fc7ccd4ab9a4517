import { IncompatibleOptionsError } from '../errors.js';
import type { OptionKey, OptionSpec, ParsedArgs } from './command-spec.js';

/**
 * Throws {@link IncompatibleOptionsError} for the first pair of `pairs` whose
 * members were both given; the one given first is named first. `runs` stands
 * for positional run arguments. A key the command does not have is a type
 * error.
 *
 * @param parsed parsed arguments
 * @param pairs option keys that exclude each other
 * @param cmdPath the command as typed
 * @example
 * ```ts
 * checkIncompatible(parsed, [['start', 'stage']], 'run');
 * ```
 */
export function checkIncompatible<O extends readonly OptionSpec[]>(
  parsed: ParsedArgs<O>,
  pairs: readonly (readonly [OptionKey<O>, OptionKey<O>])[],
  cmdPath: string,
): void {
  for (const [a, b] of pairs) {
    const ia = parsed.order.indexOf(a);
    const ib = parsed.order.indexOf(b);
    if (ia < 0 || ib < 0) continue;
    const [first, second] = ia < ib ? [a, b] : [b, a];
    throw new IncompatibleOptionsError(first, second, cmdPath);
  }
}
