import type { OpDef } from '@gage/types';

/**
 * The opdef's description (docs/spec/stage.md 2.2), `''` when absent. `gage
 * operations` shows its first line.
 *
 * @example
 * ```ts
 * opdefDescription(OpDef('hello', { description: 'Say hello\nto someone' })).split('\n')[0]; // 'Say hello'
 * ```
 */
export function opdefDescription(opdef: OpDef): string {
  const description = opdef.data['description'];
  return typeof description === 'string' ? description : '';
}
