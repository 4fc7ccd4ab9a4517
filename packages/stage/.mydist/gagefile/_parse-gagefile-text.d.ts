import { type JsonValue } from '@gage/types';
/** The parser for a Gage file name, by extension (case-insensitive), or undefined. */
export declare function gagefileFormat(path: string): 'toml' | 'json' | 'yaml' | undefined;
/**
 * Parses Gage file text (stage.md 1.3). Integers come back as `bigint`.
 * The TOML and YAML parsers are imported on first use, so `gage run` with a
 * `gage.toml` never loads the YAML parser (about 270 KB of code).
 * @throws {GagefileExtensionError} for an unknown extension.
 * @throws {GagefileSyntaxError} naming line and column.
 */
export declare function parseGagefileText(path: string, text: string): Promise<JsonValue>;
/** Drops every line whose first non-blank characters are `//`. */
export declare function dropCommentLines(text: string): string;
//# sourceMappingURL=_parse-gagefile-text.d.ts.map