import { type ConfigValue } from '@gage/types';
import type { EncodedScalar } from './_toml-json-yaml-edits.js';
import type { TomlSpan } from './_toml-scan.js';
/** The replacement text of `span` for `value`, or a warning when TOML cannot hold it. */
export declare function encodeTomlScalar(span: TomlSpan, value: ConfigValue): EncodedScalar;
//# sourceMappingURL=_toml-encode.d.ts.map