import type { Config, ConfigValue } from '@gage/types';
import type { ConfigFormat } from '../config/config-format.js';
import type { ReadbackMismatch } from '../errors.js';

/** A config file to check after patching: its text as it now is, and the keys the run config sets in it. */
export interface ReadbackFile {
  /** Path relative to the run dir, `/` separators. */
  path: string;
  /** The reader the file was read with before patching. */
  format: ConfigFormat;
  /** The file text now (after patching), without a byte order mark. */
  text: string;
  /** The chosen keys of the file (docs/spec/stage.md 5.4); those the config has are compared. */
  keys: readonly string[];
}

/**
 * The read-back check of decision 14 (docs/spec/wave2.md): reads each file
 * with its own reader and compares every chosen key that `config` sets with
 * the config value, types included (`1` and `1.0` differ, NaN equals NaN,
 * `-0.0` is not `0.0`). A key the file no longer has is a mismatch too.
 *
 * @param files - the files as they are after patching
 * @param config - the run config (`config.json`)
 * @returns every mismatch, in file then key order; empty when the record holds
 * @example
 * ```ts
 * configReadbackMismatches([{ path: 'c.json', format: jsonConfigFormat, text: '{"x": 1}', keys: ['x'] }], { x: 2n });
 * // [{ path: 'c.json', key: 'x', expected: 2n, actual: 1n }]
 * ```
 */
export function configReadbackMismatches(files: readonly ReadbackFile[], config: Config): ReadbackMismatch[] {
  const mismatches: ReadbackMismatch[] = [];
  for (const file of files) {
    const values = file.format.read(file.text);
    for (const key of file.keys) {
      if (!Object.hasOwn(config, key)) continue;
      const expected = config[key] as ConfigValue;
      const actual = Object.hasOwn(values, key) ? values[key] : undefined;
      if (actual === undefined || !sameTypedValue(expected, actual)) mismatches.push({ path: file.path, key, expected, actual });
    }
  }
  return mismatches;
}

function sameTypedValue(a: ConfigValue, b: ConfigValue): boolean {
  if (typeof a !== typeof b) return false;
  return typeof a === 'number' ? Object.is(a, b) : a === b;
}
