import { compareCodePoints, encodeJson, type JsonValue } from '@gage/types';
import { formatDateTime } from '../output/format-time.js';
import { formatValue } from '../output/format-value.js';

/**
 * The value a cell compares and highlights by: a summary object's `value`,
 * else the value itself.
 *
 * @example
 * ```ts
 * plainValue({ value: 0.5, step: 3n }); // 0.5
 * ```
 */
export function plainValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'value')
    ? plainValue((value as { value: unknown }).value)
    : value;
}

/** `value` as a number when it is one (`bigint` included), else `undefined`. */
export function numberOf(value: unknown): number | undefined {
  const v = plainValue(value);
  if (typeof v === 'bigint') return Number(v);
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

/** Missing: absent, null, or NaN. */
export function isMissing(value: unknown): boolean {
  const v = plainValue(value);
  return v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Orders two present values ({@link isMissing} is false for both): numbers
 * (integers and floats alike) as numbers, then booleans (`false` first),
 * then texts by code point, then anything else by its display text.
 *
 * @example
 * ```ts
 * [10n, 9.5, 'b', 'a'].sort(compareResultValues); // [9.5, 10n, 'a', 'b']
 * ```
 */
export function compareResultValues(a: unknown, b: unknown): number {
  const x = plainValue(a);
  const y = plainValue(b);
  const kx = kindRank(x);
  const ky = kindRank(y);
  if (kx !== ky) return kx - ky;
  switch (kx) {
    case 0: {
      if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
      const d = Number(x) - Number(y);
      return d < 0 ? -1 : d > 0 ? 1 : 0;
    }
    case 1:
      return Number(x) - Number(y);
    case 2:
      return compareCodePoints(x as string, y as string);
    default:
      return compareCodePoints(formatValue(x), formatValue(y));
  }
}

function kindRank(v: unknown): number {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 0;
    case 'boolean':
      return 1;
    case 'string':
      return 2;
    default:
      return 3;
  }
}

/**
 * A cell of a results table (docs/spec/cli.md 1.7): `run:started` and `run:stopped`
 * as local `YYYY-MM-DD HH:MM`, `run:time` as seconds with `%.4g`, anything
 * else with `formatValue` (4 significant digits, a summary object by its
 * `value`).
 *
 * @example
 * ```ts
 * tableCell('metric:loss', 0.123456); // '0.1235'
 * ```
 */
export function tableCell(field: string | undefined, value: unknown): string {
  if ((field === 'run:started' || field === 'run:stopped') && typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : formatDateTime(ms).slice(0, 16);
  }
  return formatValue(value);
}

/**
 * A CSV cell: texts as they are, integers in decimal, floats as JSON writes
 * them (full precision, `1.0`), booleans `1`/`0`, missing values and NaN
 * empty, a summary object by its `value`, a list joined with `,`, any other
 * object as compact JSON. Quoting is the CSV writer's job.
 *
 * @example
 * ```ts
 * csvCell(true); // '1'
 * csvCell({ value: 2.5, color: 'green' }); // '2.5'
 * ```
 */
export function csvCell(value: unknown): string {
  const v = plainValue(value);
  if (v === undefined || v === null) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? '1' : '0';
    case 'bigint':
      return v.toString();
    case 'number':
      return Number.isNaN(v) ? '' : encodeJson(v);
  }
  if (Array.isArray(v)) return v.map(csvCell).join(',');
  return encodeJson(v as JsonValue);
}
