import type { OpDef } from '@gage/types';
/**
 * Whether the opdef is marked as the default operation (stage.md 2.4): the
 * Python truthiness of `default` (`true`, a non-empty string, a non-zero
 * number, a non-empty array or object).
 *
 * @example
 * ```ts
 * opdefDefault(OpDef('train', { default: true })); // true
 * ```
 */
export declare function opdefDefault(opdef: OpDef): boolean;
//# sourceMappingURL=opdef-default.d.ts.map