import type { OpDef } from '@gage/types';
/**
 * The opdef's description (stage.md 2.2), `''` when absent. `gage
 * operations` shows its first line.
 *
 * @example
 * ```ts
 * opdefDescription(OpDef('hello', { description: 'Say hello\nto someone' })).split('\n')[0]; // 'Say hello'
 * ```
 */
export declare function opdefDescription(opdef: OpDef): string;
//# sourceMappingURL=opdef-description.d.ts.map