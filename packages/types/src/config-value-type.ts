import type { ConfigValue } from './config-value.js';

/** The type names of config values, as `--help-op`, `--preview` and their JSON show them. */
export type ConfigValueType = 'int' | 'float' | 'str' | 'bool' | 'null';

/**
 * The type name of a config value (decision 6): `int` for a `bigint`,
 * `float` for a `number`, `str`, `bool`, or `null`.
 *
 * @example
 * ```ts
 * configValueType(1n);  // 'int'
 * configValueType(1.0); // 'float'
 * ```
 */
export function configValueType(value: ConfigValue): ConfigValueType {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    default:
      return 'str';
  }
}
