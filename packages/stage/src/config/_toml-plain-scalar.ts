import type { ConfigValue } from '@gage/types';

const PLAIN_INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
const PLAIN_FLOAT = /^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$/;
const PLAIN_STRING = /^(?:"[^"\\\x00-\x1f\x7f]*"|'[^'\x00-\x08\x0a-\x1f\x7f]*')$/;

/**
 * The value of the commonest scalar forms (decimal integers and floats
 * without `_` or exponent, booleans, one-line strings without escapes),
 * read without a parser call; undefined for anything else. The text was
 * accepted by smol-toml already, so these forms cannot be invalid here.
 *
 * @example
 * ```ts
 * plainTomlScalar('-12'); // -12n
 * plainTomlScalar('1e3'); // undefined (left to smol-toml)
 * ```
 */
export function plainTomlScalar(text: string): ConfigValue | undefined {
  if (PLAIN_INT.test(text)) return BigInt(text);
  if (PLAIN_FLOAT.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (PLAIN_STRING.test(text)) return text.slice(1, -1);
  return undefined;
}
