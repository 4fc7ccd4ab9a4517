import { parseJson, pythonFloatRepr, type ConfigValue, type JsonValue } from '@gage/types';
import { BatchFileError } from '../errors.js';
import type { BatchRow } from './parse-batch-csv.js';

/**
 * Reads the text of a JSON batch file (docs/spec/cli.md 5.1 Batches): an array of
 * objects, each one run. Integers stay integers and floats floats
 * (decision 6). A nested object or array sets nested keys (decision 16):
 * `{"optimizer": {"lr": 0.1}}` sets `optimizer.lr`, `{"sizes": [1, 2]}`
 * sets `sizes.0` and `sizes.1`. A leading byte-order mark is dropped.
 *
 * @param text the file's text
 * @param file the file as the user named it, for messages
 * @returns the rows, in file order
 * @throws {BatchFileError} `ERR_GAGE_BATCH_FILE_READ` (`Cannot read batch file
 *   <file>: <parser message>`), `ERR_GAGE_BATCH_FILE_SHAPE` (`Expected an
 *   array of objects in <file>`, with the first item that is not an object)
 * @example
 * ```ts
 * parseBatchJson('[{"name": "Cat", "n": 2}]', 'b.json');
 * // [[{ name: 'name', value: 'Cat', text: 'Cat' }, { name: 'n', value: 2n, text: '2' }]]
 * ```
 */
export function parseBatchJson(text: string, file: string): BatchRow[] {
  let data: JsonValue;
  try {
    data = parseJson(text.startsWith('\ufeff') ? text.slice(1) : text, { bigint: true });
  } catch (err) {
    throw new BatchFileError('ERR_GAGE_BATCH_FILE_READ', file, `Cannot read batch file ${file}: ${(err as Error).message}`, { cause: err });
  }
  const shape = `Expected an array of objects in ${file}`;
  if (!Array.isArray(data)) throw new BatchFileError('ERR_GAGE_BATCH_FILE_SHAPE', file, shape, { hint: `It holds ${kindOf(data)}.` });
  return data.map((item, i) => {
    if (!isObject(item)) throw new BatchFileError('ERR_GAGE_BATCH_FILE_SHAPE', file, shape, { hint: `Item ${i + 1} is ${kindOf(item)}.` });
    const row: BatchRow = [];
    flatten(item, '', row);
    return row;
  });
}

function flatten(value: JsonValue, prefix: string, row: BatchRow): void {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, JsonValue>);
  for (const [key, v] of entries) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (v !== null && typeof v === 'object') flatten(v, name, row);
    else row.push({ name, value: v as ConfigValue, text: textOf(v as ConfigValue) });
  }
}

/** The value as a flag would type it, for a string default (decision 17: `2.0` stays `2.0`). */
function textOf(value: ConfigValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return pythonFloatRepr(value);
  return String(value);
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function kindOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
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
