import type { ConfigFormat } from './config-format.js';
import { patchScalarSpans, spansToConfig } from './_toml-json-yaml-edits.js';
import { encodeYamlScalar } from './_yaml-encode.js';
import { lastResult } from './_last-result.js';
import { scanYaml } from './_yaml-scan.js';

const scan = lastResult(scanYaml);

/**
 * Reads config defaults from and patches values into YAML config files
 * (docs/spec/stage.md 5.8), keeping every byte a change does not touch.
 *
 * - `read(text)`: every scalar leaf under a flat dotted key (`opts.lr`,
 *   `layers.0`), with YAML 1.1 rules (`yes`/`no`/`on`/`off` are booleans,
 *   `1e3` is a float); integers as `bigint`, floats as `number`. Aliases,
 *   dates, binary values and entries whose key is not a string are skipped;
 *   an empty file reads as `{}`. Throws `ConfigSyntaxError`
 *   (`ERR_GAGE_CONFIG_SYNTAX`) for text that is not one valid YAML document.
 * - `patch(text, values)`: replaces the text of each key of `values` the file
 *   has and whose value changed (type aware: `1n` and `1.0` differ), keeping
 *   the quote style where it can hold the value; a plain string that would
 *   read back as another type or holds special characters is double-quoted;
 *   floats always carry a `.` (`2.0`, `1.0e-05`, `.inf`, `.nan`); null is
 *   `null`. A changed block scalar stays a `|` block when the text allows it,
 *   else becomes a double-quoted string. A value whose type differs from an
 *   explicitly tagged scalar (`!!str 12`) is not written (warning).
 *
 * @example
 * ```ts
 * yamlConfigFormat.read('lr: 0.1  # rate\nlayers: [2, 3]\n'); // { lr: 0.1, 'layers.0': 2n, 'layers.1': 3n }
 * yamlConfigFormat.patch('name: a  # c\n', { name: 'yes' }); // { text: 'name: "yes"  # c\n', warnings: [] }
 * ```
 */
export const yamlConfigFormat: ConfigFormat = {
  name: 'yaml',
  read(text) {
    return spansToConfig(scan(text));
  },
  patch(text, values) {
    return patchScalarSpans(text, scan(text), values, (span, value) => encodeYamlScalar(text, span, value));
  },
};
