import type { ConfigValue } from '@gage/types';
import { FlagValueError } from '../errors.js';
import type { RunFlag } from './parse-run-flag.js';

const BOOL_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, on: true, off: false };

/** Options of {@link coerceFlagValue}. */
export interface CoerceFlagValueOptions {
  /** Keep a value the default's type cannot take (a word for a float default) as the string it is. */
  force?: boolean | undefined;
}

/**
 * The value a flag gives a key whose default is `defaultValue` (decision 17,
 * docs/spec/wave2.md): the default's type when nothing is lost.
 *
 * - float default: an integer becomes that float when the float holds it exactly (`1` -> `1.0`);
 * - string default: a number, bool or null becomes the text as typed (`123`, `1.50`, `true`);
 * - bool default: `true/false/yes/no/on/off` in any case become the bool;
 * - a word (string) for a number or bool default is refused, or kept as a string with `force`;
 * - anything else keeps its own type (a float for an integer default, null for anything);
 * - a key without a default (`undefined`, or `null`) takes the flag's value as it is.
 *
 * @throws {FlagValueError} `ERR_GAGE_FLAG_VALUE` `Invalid value 'abc' for flag lr: expected a float`
 * @example
 * ```ts
 * coerceFlagValue({ name: 'lr', value: 1n, text: '1' }, 0.1);       // 1
 * coerceFlagValue({ name: 'tag', value: 1.5, text: '1.50' }, 'x');  // '1.50'
 * coerceFlagValue({ name: 'amp', value: 'on', text: 'on' }, false); // true
 * ```
 */
export function coerceFlagValue(flag: RunFlag, defaultValue: ConfigValue | undefined, options: CoerceFlagValueOptions = {}): ConfigValue {
  const { value } = flag;
  if (defaultValue === undefined || defaultValue === null) return value;
  switch (typeof defaultValue) {
    case 'string':
      return typeof value === 'string' ? value : flag.text;
    case 'number':
      if (typeof value === 'bigint') return exactFloat(value) ?? value;
      if (typeof value === 'string') return refuse(flag, 'a float', options);
      return value;
    case 'bigint':
      return typeof value === 'string' ? refuse(flag, 'an integer', options) : value;
    case 'boolean': {
      if (typeof value !== 'string') return value;
      const word = value.toLowerCase();
      return Object.hasOwn(BOOL_WORDS, word) ? (BOOL_WORDS[word] as boolean) : refuse(flag, 'a boolean', options);
    }
  }
  return value;
}

/** `n` as a float when the float is exactly `n`. */
function exactFloat(n: bigint): number | undefined {
  const x = Number(n);
  return Number.isFinite(x) && BigInt(x) === n ? x : undefined;
}

function refuse(flag: RunFlag, expected: string, options: CoerceFlagValueOptions): ConfigValue {
  if (options.force) return flag.value;
  throw new FlagValueError(flag.name, flag.text, expected);
}
