import { type JsonSpanTree, JsonReader, REPEATED_KEY } from './_json-reader.js';
import type { ConfigValue } from './config-value.js';
import type { JsonValue } from './json-value.js';

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Read integers as `bigint` and keep every `number` a float (config values). */
  bigint?: boolean;
}

/**
 * Strict JSON reader whose errors match Python's `json.loads` (docs/spec/stage.md 1.3),
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
  return new JsonReader(text, 'values', { bigint: options.bigint ?? false, base: 0 }).document() as JsonValue;
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
 * Reads a JSON text as {@link parseJson} does (same grammar, same errors,
 * one pass) and returns the span of every scalar leaf under its flat dotted
 * key, in text order: object keys join with `.`, array items by index
 * (`opt.lr`, `layers.0`); integers are `bigint`. Config files are patched
 * byte for byte by replacing these spans.
 *
 * - A leading UTF-8 byte-order mark is skipped: offsets count it, error
 *   positions do not (as after decoding with `utf-8-sig`).
 * - A key repeated in one object replaces the earlier entry whole (nothing
 *   of the earlier value is left) and moves to the end. When two paths
 *   flatten to the same key (`{"a.b": 1, "a": {"b": 2}}`), the later value
 *   wins at the earlier position.
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
  const reader = new JsonReader(text, 'flat', { bigint: true, base });
  try {
    reader.document();
    return reader.flatSpans();
  } catch (err) {
    if (err !== REPEATED_KEY) throw err;
  }
  // Rare: a key seen before. Read the text again as a tree, in which a repeated key replaces its earlier entry.
  const root = new JsonReader(text, 'tree', { bigint: true, base }).document() as JsonSpanTree;
  const spans = new Map<string, JsonSpan>();
  if (root instanceof Map || Array.isArray(root)) flatten(root, '', spans);
  return spans;
}

function flatten(node: JsonSpanTree, key: string, spans: Map<string, JsonSpan>): void {
  const prefix = key === '' ? '' : key + '.';
  if (node instanceof Map) node.forEach((child, k) => flatten(child, prefix + k, spans));
  else if (Array.isArray(node)) node.forEach((child, i) => flatten(child, prefix + String(i), spans));
  else spans.set(key, node);
}
