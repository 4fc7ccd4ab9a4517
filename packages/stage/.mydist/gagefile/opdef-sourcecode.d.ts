import type { OpDef } from '@gage/types';
/**
 * The opdef's `sourcecode` value, normalised (stage.md 2.4): `true`, `false`
 * and absent (`undefined`) stay as they are; a string becomes `[string]`; an
 * array is kept.
 *
 * @example
 * ```ts
 * opdefSourcecode(OpDef('train', { sourcecode: '*.py' })); // ['*.py']
 * ```
 */
export declare function opdefSourcecode(opdef: OpDef): boolean | string[] | undefined;
//# sourceMappingURL=opdef-sourcecode.d.ts.map