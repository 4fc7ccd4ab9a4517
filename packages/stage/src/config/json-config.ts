import { type ConfigValue, isGageError, type JsonSyntaxError, parseJsonSpans, pythonFloatRepr } from '@gage/types';
import { ConfigSyntaxError } from '../errors.js';
import type { ConfigFormat } from './config-format.js';
import { lastResult } from './_last-result.js';
import { type EncodedScalar, patchScalarSpans, type ScalarSpan, spansToConfig } from './_toml-json-yaml-edits.js';

const scanValidJson = lastResult(scanJsonText);

/**
 * Reads config defaults from and patches values into JSON config files
 * (docs/spec/stage.md 5.8), keeping every byte a change does not touch.
 *
 * - `read(text)`: every scalar leaf under a flat dotted key (`opts.lr`,
 *   `layers.0`); integers (no `.`, `e` or `E`) as `bigint`, other numbers
 *   as float `number`s. A UTF-8 byte-order mark is allowed. Throws
 *   `ConfigSyntaxError` (`ERR_GAGE_CONFIG_SYNTAX`) for text that is not
 *   JSON.
 * - `patch(text, values)`: replaces the text of each key of `values` the file
 *   has and whose value changed (type aware: `1n` and `1.0` differ); strings
 *   as JSON strings (non-ASCII raw), floats as Python writes them (`2.0`,
 *   `1e-05`). Infinity and NaN cannot be written: a warning, key unchanged.
 *
 * @example
 * ```ts
 * jsonConfigFormat.read('{"lr": 0.1, "layers": [2, 3]}'); // { lr: 0.1, 'layers.0': 2n, 'layers.1': 3n }
 * jsonConfigFormat.patch('{"lr": 0.1}', { lr: 1.0 }); // { text: '{"lr": 1.0}', warnings: [] }
 * ```
 */
export const jsonConfigFormat: ConfigFormat = {
  name: 'json',
  read(text) {
    return spansToConfig(scanValidJson(text));
  },
  patch(text, values) {
    return patchScalarSpans(text, scanValidJson(text), values, encodeJsonScalar);
  },
};

/**
 * The spans of `parseJsonSpans` (one strict pass, Python's error messages),
 * its errors as `ConfigSyntaxError`. Also the first step of reading a
 * notebook.
 */
export function scanJsonText(text: string): Map<string, ScalarSpan> {
  try {
    return parseJsonSpans(text);
  } catch (err) {
    if (isGageError(err) && err.code === 'ERR_GAGE_JSON_SYNTAX') {
      const e = err as JsonSyntaxError;
      throw new ConfigSyntaxError('JSON', e.reason, e.line, e.column, { cause: err });
    }
    throw err;
  }
}

function encodeJsonScalar(_span: ScalarSpan, value: ConfigValue): EncodedScalar {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return { warning: `cannot write ${pythonFloatRepr(value)} to a JSON file (JSON has no infinity or NaN); value left unchanged` };
    return { text: pythonFloatRepr(value) };
  }
  if (typeof value === 'bigint') return { text: value.toString() };
  return { text: JSON.stringify(value) };
}
