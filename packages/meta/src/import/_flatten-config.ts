import type { Config, JsonValue } from '@gage/types';

/**
 * Flattens flag values into a run config: nested mappings and lists become
 * keys joined with `.` (`layers.0`), as the config model has scalars only.
 * Integers stay `bigint`, floats `number` (decision 6).
 *
 * @example
 * ```ts
 * flattenConfig({ lr: 0.1, opt: { beta: 2n } }); // { lr: 0.1, 'opt.beta': 2n }
 * ```
 */
export function flattenConfig(value: Record<string, JsonValue>, prefix = '', out: Config = {}): Config {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix + key;
    if (Array.isArray(v)) flattenConfig(Object.fromEntries(v.map((x, i) => [String(i), x])), `${name}.`, out);
    else if (v !== null && typeof v === 'object') flattenConfig(v, `${name}.`, out);
    else Object.defineProperty(out, name, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
