import type { JsonValue, OpDef } from '@gage/types';

/**
 * Whether the opdef is marked as the default operation (docs/spec/stage.md 2.4): the
 * Python truthiness of `default` (`true`, a non-empty string, a non-zero
 * number, a non-empty array or object).
 *
 * @example
 * ```ts
 * opdefDefault(OpDef('train', { default: true })); // true
 * ```
 */
export function opdefDefault(opdef: OpDef): boolean {
  return truthy(opdef.data['default']);
}

function truthy(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'number') return value !== 0; // NaN is truthy, as in Python
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value).length > 0;
}
