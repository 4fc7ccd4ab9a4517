import type { Config } from '@gage/types';
import { UnknownFlagError, type UnknownFlag } from '../errors.js';
import { coerceFlagValue } from './coerce-flag-value.js';
import type { RunFlag } from './parse-run-flag.js';
import { setConfigValue } from './_set-config-value.js';
import { suggestFlagNames } from './suggest-flag-names.js';

/** Options of {@link resolveRunConfig}. */
export interface ResolveRunConfigOptions {
  /** The operation name, for messages. */
  opName: string;
  /**
   * `--force-flags`: record unknown flags (patched into no file) and values
   * the default's type cannot take (as strings) instead of refusing them.
   */
  forceFlags?: boolean | undefined;
}

/**
 * The run config of an operation: its defaults with the flags applied
 * (decisions 15 and 17, docs/spec/wave2.md). Each flag must name a key of
 * the defaults (the operation's config after its `config` patterns); its
 * value takes the default's type when nothing is lost (see
 * `coerceFlagValue`). The last flag of a name wins. Keys keep the defaults'
 * order; forced unknown flags follow in command-line order.
 *
 * @param defaults - the operation's config defaults (`readProjectConfig`)
 * @param flags - the parsed flags (`parseRunFlag`)
 * @throws {UnknownFlagError} `ERR_GAGE_UNKNOWN_FLAG` for flags naming no key, each with suggestions
 * @throws {FlagValueError} `ERR_GAGE_FLAG_VALUE` for a value the default's type cannot take
 * @example
 * ```ts
 * resolveRunConfig({ lr: 0.1, epochs: 5n }, [parseRunFlag('lr=1')], { opName: 'train' }); // { lr: 1, epochs: 5n } (lr a float)
 * resolveRunConfig({ epochs: 5n }, [parseRunFlag('ephocs=3')], { opName: 'train' }); // throws UnknownFlagError
 * ```
 */
export function resolveRunConfig(defaults: Config, flags: readonly RunFlag[], options: ResolveRunConfigOptions): Config {
  const known = Object.keys(defaults);
  const unknown: UnknownFlag[] = [];
  for (const flag of flags) {
    if (Object.hasOwn(defaults, flag.name) || unknown.some((u) => u.name === flag.name)) continue;
    unknown.push({ name: flag.name, suggestions: suggestFlagNames(flag.name, known), list: listPastEnd(flag.name, known) });
  }
  if (unknown.length > 0 && !options.forceFlags) throw new UnknownFlagError(options.opName, unknown);
  const config: Config = {};
  for (const key of known) setConfigValue(config, key, defaults[key] as Config[string]);
  for (const flag of flags) {
    const def = Object.hasOwn(defaults, flag.name) ? defaults[flag.name] : undefined;
    setConfigValue(config, flag.name, coerceFlagValue(flag, def, { force: options.forceFlags }));
  }
  return config;
}

/** For `sizes.5` where `sizes.0`..`sizes.2` are known: the list and its length. */
function listPastEnd(name: string, known: readonly string[]): UnknownFlag['list'] {
  const m = /^(.+)\.(\d+)$/.exec(name);
  if (!m) return undefined;
  const list = m[1] as string;
  const items = known.filter((k) => k.startsWith(`${list}.`) && /^\d+(?:\.|$)/.test(k.slice(list.length + 1)));
  if (items.length === 0) return undefined;
  const indexes = new Set(items.map((k) => Number(k.slice(list.length + 1).split('.')[0])));
  return { name: list, length: Math.max(...indexes) + 1 };
}
