import { pythonFloatRepr, type JsonValue } from '@gage/types';

/**
 * Compact JSON (no spaces, keys in insertion order, raw UTF-8) with the value
 * model of `@gage/types`: a `bigint` is written as an integer, a `number` as a
 * float (`1.0`, `NaN`, `Infinity`) so that `parseJson(..., {bigint: true})`
 * reads back the same value. `undefined` members are left out.
 */
export function encodeCompactJson(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (value === Infinity) return 'Infinity';
      if (value === -Infinity) return '-Infinity';
      return pythonFloatRepr(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => encodeCompactJson(v)).join(',')}]`;
  const members = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${encodeCompactJson(v)}`).join(',')}}`;
}
