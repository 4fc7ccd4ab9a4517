/** A Python string literal split into its parts. */
export interface PythonStringLiteral {
    /** The prefix as written (`''`, `r`, `U`, `Rb`...). */
    prefix: string;
    /** The quote character. */
    quote: '"' | "'";
    /** True for `'''` / `"""`. */
    triple: boolean;
    /** The text between the quotes, as written. */
    body: string;
    /** True when the prefix holds `r` or `R`. */
    raw: boolean;
    /** True for bytes (`b`) and f-strings (`f`): never a config value. */
    notText: boolean;
}
/** Splits a String node's text; undefined when it is not a terminated Python string literal. */
export declare function splitPythonString(text: string): PythonStringLiteral | undefined;
/** The decoded value of a literal body, or why it has none. */
export type DecodedString = {
    value: string;
} | {
    unsupported: string;
} | {
    invalid: string;
};
/**
 * Decodes a string literal the way Python does: newlines normalised to LF
 * (Python reads source with universal newlines), escapes decoded unless raw.
 * `\N{...}` needs the Unicode name table and is reported as unsupported.
 */
export declare function decodePythonString(lit: PythonStringLiteral): DecodedString;
/**
 * Writes `value` into a string literal shaped like `lit`: same prefix, quote
 * character and triple quoting. A raw literal that cannot hold the value
 * loses its `r`; otherwise backslash, the quote character, control
 * characters and lone surrogates are escaped.
 */
export declare function encodePythonString(lit: PythonStringLiteral, value: string): string;
//# sourceMappingURL=_python-string.d.ts.map