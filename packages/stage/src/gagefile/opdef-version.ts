import { pythonFloatRepr, type OpDef } from '@gage/types';

/**
 * The opdef's version as stored in the op ref (docs/spec/stage.md 2.4): `null` when
 * absent or null, else its text: integers by their digits, floats the Python
 * way (`2.0` stays `"2.0"`), strings as is.
 *
 * @example
 * ```ts
 * opdefVersion(OpDef('train', { version: 2n })); // '2'
 * opdefVersion(OpDef('train', { version: 2.0 })); // '2.0'
 * ```
 */
export function opdefVersion(opdef: OpDef): string | null {
  const version = opdef.data['version'];
  if (version === undefined || version === null) return null;
  if (typeof version === 'number') return pythonFloatRepr(version);
  if (typeof version === 'string' || typeof version === 'bigint' || typeof version === 'boolean') {
    return typeof version === 'boolean' ? (version ? 'True' : 'False') : String(version);
  }
  return JSON.stringify(version);
}
