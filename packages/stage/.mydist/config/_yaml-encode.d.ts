import { type ConfigValue } from '@gage/types';
import type { EncodedScalar } from './_toml-json-yaml-edits.js';
import { type YamlSpan } from './_yaml-scan.js';
/**
 * The replacement text of `span` (a scalar of `text`) for `value`. Block
 * scalars stay block literals when the value allows it, else become
 * double-quoted; a header comment and the final line break are kept.
 */
export declare function encodeYamlScalar(text: string, span: YamlSpan, value: ConfigValue): EncodedScalar;
//# sourceMappingURL=_yaml-encode.d.ts.map