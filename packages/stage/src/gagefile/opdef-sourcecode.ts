import type { OpDef } from '@gage/types';

/**
 * The opdef's `sourcecode` value, normalised (docs/spec/stage.md 2.4): `true`, `false`
 * and absent (`undefined`) stay as they are; a string becomes `[string]`; an
 * array is kept.
 *
 * @example
 * ```ts
 * opdefSourcecode(OpDef('train', { sourcecode: '*.py' })); // ['*.py']
 * ```
 */
export function opdefSourcecode(opdef: OpDef): boolean | string[] | undefined {
  const value = opdef.data['sourcecode'];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map(String);
  return undefined;
}
