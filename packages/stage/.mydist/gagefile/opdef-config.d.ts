import type { JsonObject, JsonValue, OpDef } from '@gage/types';
/**
 * A config object of an opdef (stage.md 2.2): `keys` (config paths) and the
 * accepted but unused `description`, `prefix`, `strip-prefix`, `rename`.
 */
export type OpdefConfigObject = JsonObject & {
    keys?: JsonValue;
};
/**
 * The opdef's config objects, normalised (stage.md 2.4): absent -> `[]`;
 * string `s` -> `[{keys: s}]`; object -> `[obj]`; array of strings ->
 * `[{keys: array}]` (one entry); mixed array -> each string `s` becomes
 * `{keys: s}`, objects are kept.
 *
 * @example
 * ```ts
 * opdefConfig(OpDef('train', { config: 'train.py' })); // [{ keys: 'train.py' }]
 * opdefConfig(OpDef('train', { config: ['a.py', 'b.py'] })); // [{ keys: ['a.py', 'b.py'] }]
 * ```
 */
export declare function opdefConfig(opdef: OpDef): OpdefConfigObject[];
/**
 * The config paths of a config object (stage.md 2.4): string -> `[s]`,
 * array as is, missing -> `[]`.
 *
 * @example
 * ```ts
 * configKeys({ keys: 'train.py#lr' }); // ['train.py#lr']
 * ```
 */
export declare function configKeys(config: OpdefConfigObject): string[];
//# sourceMappingURL=opdef-config.d.ts.map