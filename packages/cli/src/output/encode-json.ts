import { pythonFloatRepr } from '@gage/types';

/**
 * Encodes a `--json` document (decision 10): 2-space indent, keys in
 * insertion order, one trailing newline. A `bigint` is written as a JSON
 * integer and a `number` as a float the way `config.json` writes it (`1.0`,
 * `NaN`, `Infinity`); `undefined` members are left out.
 *
 * @example
 * ```ts
 * encodeJson({ index: 1n, lr: 0.5 }); // '{\n  "index": 1,\n  "lr": 0.5\n}\n'
 * ```
 */
export function encodeJson(value: unknown): string {
  return encode(value, '') + '\n';
}

function encode(value: unknown, indent: string): string {
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
      if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
      return pythonFloatRepr(value);
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((v) => inner + encode(v, inner)).join(',\n') + '\n' + indent + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${inner}${JSON.stringify(k)}: ${encode(obj[k], inner)}`).join(',\n') + '\n' + indent + '}';
}
