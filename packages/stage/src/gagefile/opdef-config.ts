import type { JsonObject, JsonValue, OpDef } from '@gage/types';

/**
 * A config object of an opdef (docs/spec/stage.md 2.2): `keys` (config paths) and the
 * accepted but unused `description`, `prefix`, `strip-prefix`, `rename`.
 */
export type OpdefConfigObject = JsonObject & { keys?: JsonValue };

/**
 * The opdef's config objects, normalised (docs/spec/stage.md 2.4): absent -> `[]`;
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
export function opdefConfig(opdef: OpDef): OpdefConfigObject[] {
  const config = opdef.data['config'];
  if (config === undefined || config === null) return [];
  if (typeof config === 'string') return [{ keys: config }];
  if (Array.isArray(config)) {
    if (config.length > 0 && config.every((x) => typeof x === 'string')) return [{ keys: config }];
    return config.flatMap((x): OpdefConfigObject[] => {
      if (typeof x === 'string') return [{ keys: x }];
      return x !== null && typeof x === 'object' && !Array.isArray(x) ? [x] : [];
    });
  }
  return typeof config === 'object' ? [config] : [];
}

/**
 * The config paths of a config object (docs/spec/stage.md 2.4): string -> `[s]`,
 * array as is, missing -> `[]`.
 *
 * @example
 * ```ts
 * configKeys({ keys: 'train.py#lr' }); // ['train.py#lr']
 * ```
 */
export function configKeys(config: OpdefConfigObject): string[] {
  const keys = config.keys;
  if (typeof keys === 'string') return [keys];
  if (Array.isArray(keys)) return keys.filter((k): k is string => typeof k === 'string');
  return [];
}
