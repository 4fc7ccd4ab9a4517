import type { JsonObject, JsonValue } from '@gage/types';

/** An attribute value of a summary; an object form carries a `label`. */
export type SummaryAttribute = string | number | bigint | boolean | null | { value: string | number | bigint | boolean | null; label?: string };
/** A metric value of a summary (numbers or null); an object form carries a `label`. */
export type SummaryMetric = number | bigint | null | { value: number | bigint | null; label?: string };

/**
 * A run summary as the meta file `summary.json` holds it (decision 19,
 * Gage (Python)'s summary schema): `attributes` and `metrics` by name, and
 * `run.label` when the summary labels the run. Integers are `bigint`.
 */
export interface RunSummary {
  attributes: Record<string, SummaryAttribute>;
  metrics: Record<string, SummaryMetric>;
  run?: { label: string };
}

/**
 * Checks and normalizes parsed summary data (Gage (Python)'s schema, plus
 * `run: {label}`): `attributes` and `metrics` are objects (or arrays of
 * objects, merged in order); attribute values are scalars or `{value,
 * label?}`; metric values are numbers, null or `{value, label?}`. Anything
 * else is dropped with one warning per problem; a value that is not an
 * object at all gives `undefined`.
 *
 * @example
 * ```ts
 * normalizeRunSummary({ metrics: { loss: 0.1, acc: 'high' } });
 * // { summary: { attributes: {}, metrics: { loss: 0.1 } }, warnings: ["metric 'acc': expected a number, got a string"] }
 * ```
 */
export function normalizeRunSummary(data: JsonValue): { summary: RunSummary | undefined; warnings: string[] } {
  const warnings: string[] = [];
  if (!isObject(data)) return { summary: undefined, warnings: [`expected an object with "attributes" or "metrics", got ${kindOf(data)}`] };
  const summary: RunSummary = { attributes: {}, metrics: {} };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'attributes') merge(value, 'attributes', warnings, (name, v) => attribute(name, v, warnings), summary.attributes);
    else if (key === 'metrics') merge(value, 'metrics', warnings, (name, v) => metric(name, v, warnings), summary.metrics);
    else if (key === 'run' && isObject(value) && typeof value['label'] === 'string') summary.run = { label: value['label'] };
    else warnings.push(`unknown summary field '${key}' (only "attributes", "metrics" and "run" are read)`);
  }
  return { summary, warnings };
}

function merge<T>(
  value: JsonValue,
  field: string,
  warnings: string[],
  check: (name: string, v: JsonValue) => T | undefined,
  into: Record<string, T>,
): void {
  const parts = Array.isArray(value) ? value : [value];
  for (const part of parts) {
    if (!isObject(part)) {
      warnings.push(`"${field}" must be an object, got ${kindOf(part)}`);
      continue;
    }
    for (const [name, v] of Object.entries(part)) {
      const checked = check(name, v);
      if (checked !== undefined) Object.defineProperty(into, name, { value: checked, enumerable: true, writable: true, configurable: true });
    }
  }
}

function attribute(name: string, v: JsonValue, warnings: string[]): SummaryAttribute | undefined {
  if (isScalar(v)) return v;
  if (isObject(v) && 'value' in v && isScalar(v['value'] as JsonValue)) return withLabel(v['value'] as string | number | bigint | boolean | null, v);
  warnings.push(`attribute '${name}': expected a string, number, boolean or null (or {"value": ...}), got ${kindOf(v)}`);
  return undefined;
}

function metric(name: string, v: JsonValue, warnings: string[]): SummaryMetric | undefined {
  if (isNumber(v)) return v;
  if (isObject(v) && 'value' in v && isNumber(v['value'] as JsonValue)) return withLabel(v['value'] as number | bigint | null, v);
  warnings.push(`metric '${name}': expected a number (or {"value": <number>}), got ${kindOf(isObject(v) && 'value' in v ? (v['value'] as JsonValue) : v)}`);
  return undefined;
}

function withLabel<T>(value: T, source: JsonObject): { value: T; label?: string } {
  return typeof source['label'] === 'string' ? { value, label: source['label'] } : { value };
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: JsonValue): v is string | number | bigint | boolean | null {
  return v === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof v);
}

function isNumber(v: JsonValue): v is number | bigint | null {
  return v === null || typeof v === 'number' || typeof v === 'bigint';
}

function kindOf(v: JsonValue | undefined): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return 'a number';
  }
}
