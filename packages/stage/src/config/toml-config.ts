import type { ConfigFormat } from './config-format.js';
import { encodeTomlScalar } from './_toml-encode.js';
import { patchScalarSpans, spansToConfig } from './_toml-json-yaml-edits.js';
import { lastResult } from './_last-result.js';
import { scanToml } from './_toml-scan.js';

const scan = lastResult(scanToml);

/**
 * Reads config defaults from and patches values into TOML config files
 * (docs/spec/stage.md 5.8), keeping every byte a change does not touch.
 *
 * - `read(text)`: every scalar leaf under a flat dotted key: tables and
 *   dotted keys join with `.`, arrays and arrays of tables by index
 *   (`servers.0.port`); integers as `bigint`, floats as `number` (`1.0` is
 *   a float). Dates and times are skipped. Throws `ConfigSyntaxError`
 *   (`ERR_GAGE_CONFIG_SYNTAX`) for text that is not valid TOML.
 * - `patch(text, values)`: replaces the text of each key of `values` the file
 *   has and whose value changed (type aware: `1n` and `1.0` differ). Strings
 *   keep their kind (basic, literal, multi-line) when it can hold the new
 *   text, else become basic strings; floats always carry a `.` or an
 *   exponent (`2.0`, `1e-05`, `inf`, `nan`); hex, octal and binary integers
 *   keep their base when not negative. Null and integers beyond 64 bits
 *   cannot be written: a warning, key unchanged.
 *
 * @example
 * ```ts
 * tomlConfigFormat.read('[train]\nlr = 0.1\nepochs = 3\n'); // { 'train.lr': 0.1, 'train.epochs': 3n }
 * tomlConfigFormat.patch("name = 'a'  # c\n", { name: 'b' }); // { text: "name = 'b'  # c\n", warnings: [] }
 * ```
 */
export const tomlConfigFormat: ConfigFormat = {
  name: 'toml',
  read(text) {
    return spansToConfig(scan(text));
  },
  patch(text, values) {
    return patchScalarSpans(text, scan(text), values, encodeTomlScalar);
  },
};
