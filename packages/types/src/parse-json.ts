import { JsonReader, type JsonSpanTree } from './_json-reader.js';
import type { ConfigValue } from './config-value.js';
import type { JsonValue } from './json-value.js';

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Read integers as `bigint` and keep every `number` a float (config values). */
  bigint?: boolean;
}

/**
 * Strict JSON reader whose errors match Python's `json.loads` (stage.md 1.3),
 * and that can keep integers and floats apart (decision 6). Like Python it
 * accepts `NaN`, `Infinity` and `-Infinity`; duplicate keys: last wins.
 *
 * @throws {JsonSyntaxError} e.g. `Expecting value: line 1 column 1 (char 0)`.
 * @example
 * ```ts
 * parseJson('{"lr": 1.0, "epochs": 3}', { bigint: true }); // { lr: 1, epochs: 3n }
 * ```
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): JsonValue {
  return new JsonReader(text, { bigint: options.bigint ?? false, spans: false, base: 0 }).document() as JsonValue;
}

/** Where one scalar leaf of a JSON text sits, and what it reads as. */
export interface JsonSpan {
  /** Offset (UTF-16 code units) of the scalar's first character: a number's sign, a string's opening quote. */
  start: number;
  /** Offset after its last character. */
  end: number;
  /** The value, integers as `bigint` and other numbers as float `number`s. */
  value: ConfigValue;
}

/**
 * Reads a JSON text as {@link parseJson} does (same grammar, same errors)
 * and returns the span of every scalar leaf under its flat dotted key, in
 * text order: object keys join with `.`, array items by index (`a.b`,
 * `layers.0`). This is what config files need to be patched byte for byte.
 *
 * - A leading UTF-8 byte-order mark is skipped: offsets count it, error
 *   positions do not (as after decoding with `utf-8-sig`).
 * - A key repeated in one object replaces the earlier entry whole (nothing
 *   of the earlier value is left) and moves to the end, as `json.load`'s
 *   last-wins with the later position. When two paths flatten to the same
 *   key (`{"a.b": 1, "a": {"b": 2}}`), the later value wins at the earlier
 *   position.
 * - A top-level scalar has no key: the result is empty. An empty key adds
 *   no dot: `{"": {"a": 1}}` gives `a`.
 *
 * @throws {JsonSyntaxError} when the text is not JSON, as {@link parseJson}.
 * @example
 * ```ts
 * parseJsonSpans('{"lr": 0.1, "layers": [2, 3]}');
 * // Map { 'lr' => { start: 7, end: 10, value: 0.1 }, 'layers.0' => { start: 23, end: 24, value: 2n },
 * //       'layers.1' => { start: 26, end: 27, value: 3n } }
 * ```
 */
export function parseJsonSpans(text: string): Map<string, JsonSpan> {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = new JsonReader(text, { bigint: true, spans: true, base }).document() as JsonSpanTree;
  const spans = new Map<string, JsonSpan>();
  if (root instanceof Map) root.forEach((node, key) => flatten(node, key, spans));
  else if (Array.isArray(root)) root.forEach((node, i) => flatten(node, String(i), spans));
  return spans;
}

function flatten(node: JsonSpanTree, key: string, spans: Map<string, JsonSpan>): void {
  if (node instanceof Map) node.forEach((child, k) => flatten(child, join(key, k), spans));
  else if (Array.isArray(node)) node.forEach((child, i) => flatten(child, join(key, String(i)), spans));
  else spans.set(key, node);
}

/** `a.b`; an empty key so far adds no dot (`{"": {"a": 1}}` gives `a`), as the YAML and TOML config readers do. */
function join(key: string, part: string): string {
  return key === '' ? part : key + '.' + part;
}
