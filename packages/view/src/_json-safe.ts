/**
 * A value made ready for `JSON.stringify`: a `bigint` becomes a number when
 * it is a safe integer, else its decimal text; `NaN` and infinities become
 * their names as text (JSON has no such numbers). Objects and arrays are
 * copied.
 *
 * @example
 * ```ts
 * jsonSafe({ epochs: 10n, loss: NaN }); // { epochs: 10, loss: 'NaN' }
 * ```
 */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}
