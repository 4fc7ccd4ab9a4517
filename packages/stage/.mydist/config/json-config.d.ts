import type { ConfigFormat } from './config-format.js';
/**
 * Reads config defaults from and patches values into JSON config files
 * (stage.md 5.8), keeping every byte a change does not touch.
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
export declare const jsonConfigFormat: ConfigFormat;
//# sourceMappingURL=json-config.d.ts.map