import { type OpDef } from '@gage/types';
/**
 * The opdef's version as stored in the op ref (stage.md 2.4): `null` when
 * absent or null, else its text: integers by their digits, floats the Python
 * way (`2.0` stays `"2.0"`), strings as is.
 *
 * @example
 * ```ts
 * opdefVersion(OpDef('train', { version: 2n })); // '2'
 * opdefVersion(OpDef('train', { version: 2.0 })); // '2.0'
 * ```
 */
export declare function opdefVersion(opdef: OpDef): string | null;
//# sourceMappingURL=opdef-version.d.ts.map