import type { ScalarSpan } from './_toml-json-yaml-edits.js';
/** How a TOML scalar is written: the string kind, or the integer prefix. */
export type TomlLexeme = 'basic' | 'literal' | 'ml-basic' | 'ml-literal' | '0x' | '0o' | '0b' | 'other';
/** A TOML scalar leaf: its span and how it is written. */
export interface TomlSpan extends ScalarSpan {
    lexeme: TomlLexeme;
}
/**
 * Scalar spans of a TOML document keyed by flat dotted key. Dates and times
 * are skipped.
 *
 * @throws {ConfigSyntaxError} when the text is not valid TOML.
 */
export declare function scanToml(text: string): Map<string, TomlSpan>;
//# sourceMappingURL=_toml-scan.d.ts.map