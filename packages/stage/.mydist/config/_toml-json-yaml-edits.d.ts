import type { Config, ConfigValue } from '@gage/types';
import type { ConfigPatchResult } from './config-format.js';
/** Where one scalar of a config file sits in the text, and what it reads as. */
export interface ScalarSpan {
    /** Offset of the first character of the scalar's text. */
    start: number;
    /** Offset after its last character. */
    end: number;
    /** The value it reads as. */
    value: ConfigValue;
}
/** The new text of a span, or why the value cannot be written. */
export type EncodedScalar = {
    text: string;
} | {
    warning: string;
};
/** The config a scan describes: every key with its value, in file order. */
export declare function spansToConfig(spans: ReadonlyMap<string, ScalarSpan>): Config;
/**
 * Replaces the span of every key of `values` the file has and whose value
 * changed with `encode`'s text; keys the file lacks are ignored.
 */
export declare function patchScalarSpans<S extends ScalarSpan>(text: string, spans: ReadonlyMap<string, S>, values: Config, encode: (span: S, value: ConfigValue) => EncodedScalar): ConfigPatchResult;
//# sourceMappingURL=_toml-json-yaml-edits.d.ts.map