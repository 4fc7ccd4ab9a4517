import { encodeJson, type JsonValue } from '@gage/types';

/**
 * Formats a float like C's `%.4g` (docs/spec/cli.md 1.7): 4 significant digits,
 * trailing zeros dropped, exponent form outside 1e-4..1e4; but a float
 * always reads as a float (decision 17): where `%.4g` would print an
 * integer, one decimal place is kept (`1.0`, `1234.5`, `-0.0`).
 *
 * @example
 * ```ts
 * formatFloat(123456); // '1.235e+05'
 * formatFloat(2 / 3); // '0.6667'
 * formatFloat(1); // '1.0'
 * ```
 */
export function formatFloat(x: number, precision = 4): string {
  const g = formatG(x, precision);
  if (!/^-?\d+$/.test(g)) return g;
  return Object.is(x, -0) ? '-0.0' : x.toFixed(1);
}

/** C's `%.<precision>g`. */
function formatG(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const expForm = roundHalfEven(x, precision);
  const exp = Number(expForm.slice(expForm.indexOf('e') + 1));
  if (exp < -4 || exp >= precision) {
    const [mant, e] = expForm.split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${stripZeros(mant)}e${sign}${digits}`;
  }
  return stripZeros(x.toFixed(Math.max(0, precision - 1 - exp)));
}

/** `x.toExponential(precision - 1)`, but exact ties round to even as C does. */
function roundHalfEven(x: number, precision: number): string {
  const up = x.toExponential(precision - 1);
  // Only a value whose next digits round to 500 can be an exact tie; the rest round right already (and cheaply).
  const probe = Math.abs(x).toExponential(precision + 2);
  if (probe.slice(precision + 1, probe.indexOf('e')) !== '500') return up;
  const exact = Math.abs(x).toExponential(Math.min(100, precision + 40));
  const digits = exact.slice(0, exact.indexOf('e')).replace('.', '');
  const rest = digits.slice(precision);
  if (!/^50*$/.test(rest) || Number(digits[precision - 1]) % 2 === 1) return up;
  const kept = digits.slice(0, precision);
  const mant = kept.length > 1 ? `${kept[0]}.${kept.slice(1)}` : kept;
  return `${x < 0 ? '-' : ''}${mant}${exact.slice(exact.indexOf('e'))}`;
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * Formats a config or summary value for display (docs/spec/cli.md 1.7): strings as is,
 * `true`/`false`, null as empty, integers (bigint) in decimal, floats with
 * {@link formatFloat}, lists joined with `, `, an object by its `value` field,
 * else as compact JSON (`summary.json` values may be objects holding
 * integers, which are `bigint`: `JSON.stringify` would throw on them).
 *
 * @example
 * ```ts
 * formatValue(3n); // '3'
 * formatValue(0.1); // '0.1'
 * formatValue(null); // ''
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return formatFloat(value);
  }
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object' && 'value' in value) return formatValue((value as { value: unknown }).value);
  return encodeJson(value as JsonValue);
}
