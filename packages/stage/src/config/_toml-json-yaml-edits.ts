// Shared by the JSON, YAML and TOML config formats: a scanned file is a map
// from flat dotted key to the text span of its scalar, and patching replaces
// only the spans whose value changed (decisions 6 and 7).
import type { Config, ConfigValue } from '@gage/types';
import type { ConfigPatchResult } from './config-format.js';
import { setConfigValue } from './_set-config-value.js';

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
export type EncodedScalar = { text: string } | { warning: string };

/** True when `a` and `b` are the same value with the same type (`1n` and `1.0` differ; NaN equals NaN). */
function sameConfigValue(a: ConfigValue, b: ConfigValue): boolean {
  return typeof a === typeof b && Object.is(a, b);
}

/** The config a scan describes: every key with its value, in file order. */
export function spansToConfig(spans: ReadonlyMap<string, ScalarSpan>): Config {
  const config: Config = {};
  spans.forEach((span, key) => setConfigValue(config, key, span.value));
  return config;
}

/**
 * Replaces the span of every key of `values` the file has and whose value
 * changed with `encode`'s text; keys the file lacks are ignored.
 */
export function patchScalarSpans<S extends ScalarSpan>(
  text: string,
  spans: ReadonlyMap<string, S>,
  values: Config,
  encode: (span: S, value: ConfigValue) => EncodedScalar,
): ConfigPatchResult {
  const edits: { start: number; end: number; text: string }[] = [];
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const span = spans.get(key);
    if (span === undefined || sameConfigValue(span.value, value)) continue;
    const encoded = encode(span, value);
    if ('warning' in encoded) warnings.push(`${key}: ${encoded.warning}`);
    else edits.push({ start: span.start, end: span.end, text: encoded.text });
  }
  // Descending, then reversed: edits at the same offset (empty spans) end up in the order applying them back to front would give.
  edits.sort((a, b) => b.start - a.start).reverse();
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), warnings };
}
