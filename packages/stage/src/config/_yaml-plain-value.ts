// What an untagged one-line plain YAML scalar reads as in a config file: the
// `yaml` package's YAML 1.1 schema (its tag tests, in its order, and its
// resolvers, integers as bigint) with PyYAML's booleans, as `YAML_OPTIONS` in
// `_yaml-scan.ts` sets it up, ported so that the common case needs no parser.
import type { ConfigValue } from '@gage/types';

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
// PyYAML's booleans (`_yaml-scan.ts`): not `y`/`n`.
const TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;
/** Sexagesimal numbers and timestamps (`1:30`, `2001-12-14`), not ported: left to the parser. */
const TIME = /^[-+]?[0-9][0-9_]*:|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
/** Quick test for text no numeric tag can match. */
const NOT_NUMERIC = /^[A-DF-Za-df-z~_]/;
/** Quick test for text no tag at all can match (not a first letter of null, a boolean or `e5`). */
const WORD = /^[A-DG-MP-SU-XZa-dg-mp-su-xz_]/;
/** Quick tests for the commonest numbers, which no tag tested before `int` or `float` can match. */
const DECIMAL = /^[-+]?(?:0|[1-9][0-9]*)$/;
const DECIMAL_FLOAT = /^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$/;

/**
 * The value a plain scalar's text (one line, trimmed) reads as, or
 * undefined for what is not ported (sexagesimal numbers, timestamps) and for
 * text the parser reports an error for (`0x_`).
 *
 * @example
 * ```ts
 * resolveYamlPlain('on');    // true
 * resolveYamlPlain('y');     // 'y'
 * resolveYamlPlain('0x1F');  // 31n
 * resolveYamlPlain('1e3');   // 1000
 * resolveYamlPlain('1:30');  // undefined
 * ```
 */
export function resolveYamlPlain(s: string): ConfigValue | undefined {
  if (WORD.test(s)) return s;
  if (DECIMAL.test(s)) return BigInt(s);
  if (DECIMAL_FLOAT.test(s)) return parseFloat(s);
  if (NULL.test(s)) return null;
  if (TRUE.test(s)) return true;
  if (FALSE.test(s)) return false;
  if (NOT_NUMERIC.test(s)) return s;
  if (INT_BIN.test(s)) return intValue(s, 2, '0b');
  if (INT_OCT.test(s)) return intValue(s, 1, '0o');
  if (INT.test(s)) return intValue(s, 0, '');
  if (INT_HEX.test(s)) return intValue(s, 2, '0x');
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s.replace(/_/g, ''));
  if (TIME.test(s)) return undefined;
  return s;
}

/** The yaml package's `intResolve` with `intAsBigInt`; undefined where it throws. */
function intValue(s: string, offset: number, prefix: string): bigint | undefined {
  const sign = s[0];
  const digits = s.substring(sign === '-' || sign === '+' ? offset + 1 : offset).replace(/_/g, '');
  let n: bigint;
  try {
    n = BigInt(prefix + digits);
  } catch {
    return undefined;
  }
  return sign === '-' ? -n : n;
}
