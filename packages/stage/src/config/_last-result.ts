/**
 * Wraps a pure function of a text so that it keeps the result for the last
 * text: `ConfigFormat.read(text)` and then `patch(text, values)` of the same
 * text scan it once. The result is shared between the calls and must not be
 * modified.
 *
 * @example
 * ```ts
 * const scan = lastResult((text: string) => text.split('\n'));
 * scan('a\nb') === scan('a\nb'); // true
 * ```
 */
export function lastResult<T>(fn: (text: string) => T): (text: string) => T {
  let last: { text: string; result: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, result: fn(text) };
    return last.result;
  };
}
