/**
 * The config value model (decision 6): integers and floats stay distinct.
 *
 * Encoding in memory:
 * - `bigint` is an integer (`1n`),
 * - `number` is always a float, even when it has no fraction (`1` read from
 *   `x = 1.0` is the float 1.0),
 * - `string`, `boolean` and `null` are themselves.
 *
 * Parsers are set up to return integers as `bigint` (TOML `integersAsBigInt`,
 * YAML `intAsBigInt`, the lossless JSON reader of this package).
 */
export type ConfigValue = null | boolean | string | bigint | number;

/** A run config: flat keys (nested keys joined with `.`) to scalar values. */
export type Config = Record<string, ConfigValue>;

/**
 * True for an integer config value (a `bigint`).
 *
 * @example
 * ```ts
 * isConfigInteger(3n); // true
 * isConfigInteger(3);  // false: a number is a float
 * ```
 */
export function isConfigInteger(value: unknown): value is bigint {
  return typeof value === 'bigint';
}

/**
 * True for a float config value (a `number`).
 *
 * @example
 * ```ts
 * isConfigFloat(1.0); // true
 * ```
 */
export function isConfigFloat(value: unknown): value is number {
  return typeof value === 'number';
}

/**
 * Equality of config values with Python's rules: `1 == 1.0`, `true == 1`,
 * `false == 0`, strings and null only equal themselves. NaN is not equal to
 * itself.
 *
 * @example
 * ```ts
 * configValueEquals(1n, 1.0); // true
 * configValueEquals(true, 1n); // true
 * configValueEquals('1', 1n); // false
 * ```
 */
export function configValueEquals(a: ConfigValue, b: ConfigValue): boolean {
  const na = numericOf(a);
  const nb = numericOf(b);
  if (na !== undefined && nb !== undefined) {
    if (typeof na === 'bigint' && typeof nb === 'bigint') return na === nb;
    if (typeof na === 'number' && typeof nb === 'number') return na === nb;
    const f = typeof na === 'number' ? na : (nb as number);
    const i = typeof na === 'bigint' ? na : (nb as bigint);
    return Number.isInteger(f) && BigInt(f) === i;
  }
  return a === b;
}

function numericOf(v: ConfigValue): bigint | number | undefined {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return undefined;
}

/**
 * Equality of two configs under {@link configValueEquals}: same keys, equal
 * values (used by `gage run --needed`).
 *
 * @example
 * ```ts
 * configEquals({ lr: 1.0 }, { lr: 1n }); // true
 * ```
 */
export function configEquals(a: Config, b: Config): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && configValueEquals(a[k] as ConfigValue, b[k] as ConfigValue));
}
