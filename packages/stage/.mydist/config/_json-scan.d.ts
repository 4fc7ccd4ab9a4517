import type { ScalarSpan } from './_toml-json-yaml-edits.js';
/**
 * Scalar spans of valid JSON text, keyed by flat dotted key (`a.b`, `l.0`).
 * Starts after a UTF-8 byte-order mark; a duplicate object key replaces the
 * earlier entry as it does when the JSON is loaded.
 */
export declare function scanJson(text: string): Map<string, ScalarSpan>;
//# sourceMappingURL=_json-scan.d.ts.map