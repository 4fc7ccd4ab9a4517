import type { JsonObject, JsonValue } from '@gage/types';

/**
 * Turns what a TOML or YAML parser returns into plain JSON values: plain
 * objects (no null prototype), dates as ISO strings, maps as objects, sets
 * as arrays. Integers stay `bigint`, floats `number`.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'bigint':
      return value;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : dateText(value);
  if (value instanceof Set) return [...value].map(toJsonValue);
  const entries: Iterable<[unknown, unknown]> = value instanceof Map ? value.entries() : Object.entries(value);
  const out: JsonObject = {};
  for (const [k, v] of entries) {
    // `__proto__` is an ordinary key of the file (an operation or field name), not the prototype.
    Object.defineProperty(out, String(k), { value: toJsonValue(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function dateText(d: Date): string {
  // smol-toml's TomlDate keeps the source form (local dates, times) in toISOString().
  return d.toISOString();
}
