// A line-at-a-time reader for the common YAML config subset: block mappings
// nested by indentation whose keys and values are one-line plain or quoted
// scalars, with comments, blank lines and a leading `---`. Anything else
// (sequences, flow collections, block scalars, anchors, aliases, tags,
// directives, several documents, tabs, multi-line scalars, duplicate or
// non-string keys, what the yaml package would report as an error) returns
// undefined and the caller takes the full path (the `yaml` package), so
// results and errors stay exactly those of that path.
import type { YamlSpan } from './_yaml-scan.js';
import { resolveYamlPlain } from './_yaml-plain-value.js';
import { yamlQuotedValue } from './_yaml-quoted.js';

const REST = String.raw`(?:[^\s:\[\]{}]|:(?=[^\s\[\]{}]))`;
const AFTER_SPACE = String.raw`(?:[^\s:#\[\]{}]|:(?=[^\s\[\]{}]))`;
const INDICATOR = String.raw`\s\-?:,\[\]{}#&*!|>'"%@\x60<`;
const plain = (first: string): string => `${first}${REST}*(?: +${AFTER_SPACE}${REST}*)*`;
const PLAIN_KEY = plain(`[^${INDICATOR}.]`);
const PLAIN_VALUE = plain(`(?:[^${INDICATOR}]|-(?=[0-9.A-Za-z_]))`);
const DOUBLE = String.raw`"(?:[^"\\\x00-\x1f\x7f]|\\[^\r\n])*"`;
const SINGLE = String.raw`'(?:[^'\x00-\x1f\x7f]|'')*'`;

/**
 * One line: 1 indentation; 2 a key, 3 up to its `:`, 4 spaces and 5 a value
 * (none for an empty value or a nested mapping), 6 spaces, 7 a comment; or
 * 8 a comment alone; or nothing (a blank line).
 */
const LINE = new RegExp(
  `( *)(?:(${PLAIN_KEY}|${DOUBLE}|${SINGLE})( *:)(?:( +)(${PLAIN_VALUE}|${DOUBLE}|${SINGLE}))?( *)(#[^\\r\\n]*)?|(#[^\\r\\n]*))?(?:\\r\\n|\\n|$)`,
  'y',
);
const DOCUMENT_START = /---(?: +#[^\r\n]*| *)(?:\r\n|\n|$)/y;
/** Characters the subset leaves to the parser wherever they are: controls, other line breaks, byte-order marks. */
const UNUSUAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** A block mapping being read. */
interface Mapping {
  indent: number;
  /** Flat key prefix of its entries (`a.b.`). */
  prefix: string;
  /** Under a key that is not a string: its leaves are not config values. */
  skip: boolean;
  /** Key values seen, to find duplicates (the parser's error). */
  keys: Set<unknown>;
}

/** A `key:` without a value on its line: a nested mapping follows, or the value is empty (null). */
interface Pending {
  path: string;
  skip: boolean;
  /** Where the empty scalar sits: after the spaces that follow the `:`. */
  at: number;
}

/**
 * Scalar spans of a YAML config file keyed by flat dotted key, as
 * `scanYaml` maps them (with YAML 1.1 resolution), when the file is in the
 * common subset and valid; otherwise undefined.
 *
 * @example
 * ```ts
 * fastScanYaml('opt:\n  lr: 0.1  # rate\n'); // Map { 'opt.lr' => { start: 11, end: 14, value: 0.1, style: 'PLAIN', tagged: false } }
 * fastScanYaml('layers: [2, 3]\n');          // undefined (a flow sequence: left to the yaml package)
 * ```
 */
export function fastScanYaml(text: string): Map<string, YamlSpan> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const spans = new Map<string, YamlSpan>();
  const stack: Mapping[] = [];
  let pending: Pending | undefined;
  let started = false;
  let pos = 0;
  while (pos < text.length) {
    if (!started) {
      DOCUMENT_START.lastIndex = pos;
      if (DOCUMENT_START.test(text)) {
        started = true;
        pos = DOCUMENT_START.lastIndex;
        continue;
      }
    }
    LINE.lastIndex = pos;
    const m = LINE.exec(text);
    if (m === null || LINE.lastIndex === pos) return undefined;
    const lineStart = pos;
    pos = LINE.lastIndex;
    const keyText = m[2];
    if (keyText === undefined) continue;
    started = true;
    const spaces = m[6] as string;
    if (m[7] !== undefined && spaces === '') return undefined;
    const indent = (m[1] as string).length;
    if (indent + keyText.length > 1000) return undefined;

    let top = stack[stack.length - 1];
    if (pending !== undefined && (top === undefined || indent > top.indent)) {
      top = { indent, prefix: pending.path === '' ? '' : pending.path + '.', skip: pending.skip, keys: new Set() };
      stack.push(top);
    } else {
      if (pending !== undefined && !pending.skip) setSpan(spans, pending.path, pending.at, pending.at, null, 'PLAIN');
      if (top === undefined) {
        top = { indent, prefix: '', skip: false, keys: new Set() };
        stack.push(top);
      }
      while (indent < top.indent) {
        stack.pop();
        top = stack[stack.length - 1];
        if (top === undefined) return undefined;
      }
      if (indent !== top.indent) return undefined;
    }
    pending = undefined;

    const key = keyValue(keyText);
    if (key === undefined || top.keys.has(key) || Number.isNaN(key)) return undefined;
    top.keys.add(key);
    if (key === '<<' || key === '__proto__') return undefined;
    const skip = top.skip || typeof key !== 'string';
    const path = top.prefix + (typeof key === 'string' ? key : String(key));
    const valueStart = lineStart + indent + keyText.length + (m[3] as string).length;
    const valueText = m[5];
    if (valueText === undefined) {
      pending = { path, skip, at: valueStart + spaces.length };
      continue;
    }
    const start = valueStart + (m[4] as string).length;
    const first = valueText[0];
    const value = first === '"' || first === "'" ? yamlQuotedValue(valueText) : resolveYamlPlain(valueText);
    if (value === undefined) return undefined;
    if (!skip) setSpan(spans, path, start, start + valueText.length, value, first === '"' ? 'QUOTE_DOUBLE' : first === "'" ? 'QUOTE_SINGLE' : 'PLAIN');
  }
  if (pending !== undefined && !pending.skip) setSpan(spans, pending.path, pending.at, pending.at, null, 'PLAIN');
  return spans;
}

/** A key's value: a string for quoted keys, else what the plain scalar resolves to. */
function keyValue(text: string): unknown {
  return text[0] === '"' || text[0] === "'" ? yamlQuotedValue(text) : resolveYamlPlain(text);
}

function setSpan(spans: Map<string, YamlSpan>, path: string, start: number, end: number, value: YamlSpan['value'], style: string): void {
  spans.delete(path);
  spans.set(path, { start, end, value, style, tagged: false });
}
