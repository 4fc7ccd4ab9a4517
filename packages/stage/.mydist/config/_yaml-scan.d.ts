import { type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { ScalarSpan } from './_toml-json-yaml-edits.js';
/** A YAML scalar leaf: its range and how it is written. */
export interface YamlSpan extends ScalarSpan {
    /** The scalar style: `PLAIN`, `QUOTE_SINGLE`, `QUOTE_DOUBLE`, `BLOCK_LITERAL`, `BLOCK_FOLDED`. */
    style: string;
    /** True when the scalar carries an explicit tag (`!!str 12`). */
    tagged: boolean;
}
type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;
/** The options config files are read with. */
export declare const YAML_OPTIONS: YamlOptions;
/**
 * Scalar spans of a YAML document keyed by flat dotted key. Aliases,
 * non-scalar leaves (dates, binary) and entries whose key is not a string are
 * skipped.
 *
 * @throws {ConfigSyntaxError} when the text is not a single valid YAML document.
 */
export declare function scanYaml(text: string): Map<string, YamlSpan>;
/** What a scalar text reads as with YAML 1.1 (these options and the library's own) and YAML 1.2 rules. */
export declare function yamlReadings(text: string): unknown[];
export {};
//# sourceMappingURL=_yaml-scan.d.ts.map