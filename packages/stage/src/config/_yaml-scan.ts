// Reads a YAML config file with the `yaml` package (YAML 1.1 rules, integers
// as bigint) and maps every scalar leaf to its flat dotted key and the text
// range of its node; the document is never re-stringified.
import type { ConfigValue } from '@gage/types';
import { type DocumentOptions, isMap, isPair, isScalar, isSeq, type Node, parse, parseDocument, type ParseOptions, type Scalar,
  type SchemaOptions } from 'yaml';
import { ConfigSyntaxError } from '../errors.js';
import type { ScalarSpan } from './_toml-json-yaml-edits.js';
import { fastScanYaml } from './_yaml-fast-scan.js';

/** A YAML scalar leaf: its range and how it is written. */
export interface YamlSpan extends ScalarSpan {
  /** The scalar style: `PLAIN`, `QUOTE_SINGLE`, `QUOTE_DOUBLE`, `BLOCK_LITERAL`, `BLOCK_FOLDED`. */
  style: string;
  /** True when the scalar carries an explicit tag (`!!str 12`). */
  tagged: boolean;
}

type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

// YAML 1.1 booleans as PyYAML (and so Gage (Python)) reads them: `yes`, `on`,
// ... but not `y`/`n`, which stay strings (config keys `x:` and `y:` are
// common).
const PYYAML_BOOL: Record<string, RegExp> = {
  true: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  false: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
};

/** The options config files are read with. */
export const YAML_OPTIONS: YamlOptions = {
  version: '1.1',
  intAsBigInt: true,
  customTags: (tags) =>
    tags.map((tag) => {
      if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:bool' || !('test' in tag)) return tag;
      const test = tag.identify?.(true) ? PYYAML_BOOL['true'] : PYYAML_BOOL['false'];
      return { ...tag, test } as typeof tag;
    }),
};

/**
 * Scalar spans of a YAML document keyed by flat dotted key. Aliases,
 * non-scalar leaves (dates, binary) and entries whose key is not a string are
 * skipped.
 *
 * @throws {ConfigSyntaxError} when the text is not a single valid YAML document.
 */
export function scanYaml(text: string): Map<string, YamlSpan> {
  return fastScanYaml(text) ?? scanYamlFully(text);
}

/**
 * {@link scanYaml} without the fast path: the `yaml` package reads the
 * whole document.
 *
 * @throws {ConfigSyntaxError} when the text is not a single valid YAML document.
 */
export function scanYamlFully(text: string): Map<string, YamlSpan> {
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error !== undefined) {
    const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
    const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    throw new ConfigSyntaxError('YAML', reason, line, col, { cause: error });
  }
  const spans = new Map<string, YamlSpan>();
  if (!isScalar(doc.contents)) visit(doc.contents, '', spans);
  return spans;
}

function visit(node: Node | null | undefined, key: string, spans: Map<string, YamlSpan>): void {
  const prefix = key === '' ? '' : key + '.';
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof k !== 'string' || k === '<<') continue;
      visit(pair.value as Node | null, prefix + k, spans);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (!isPair(item)) visit(item as Node | null, prefix + String(i), spans);
    });
  } else if (isScalar(node)) {
    const span = scalarSpan(node);
    if (span !== undefined) {
      spans.delete(key);
      spans.set(key, span);
    }
  }
}

function scalarSpan(node: Scalar): YamlSpan | undefined {
  const value = node.value;
  if (!isConfigValue(value) || node.range == null) return undefined;
  return { start: node.range[0], end: node.range[1], value, style: node.type ?? 'PLAIN', tagged: node.tag !== undefined };
}

function isConfigValue(value: unknown): value is ConfigValue {
  return value === null || ['string', 'boolean', 'bigint', 'number'].includes(typeof value);
}

/** What a scalar text reads as with YAML 1.1 (these options and the library's own) and YAML 1.2 rules. */
export function yamlReadings(text: string): unknown[] {
  return [parse(text, YAML_OPTIONS), parse(text, { version: '1.1' }), parse(text, { version: '1.2' })];
}
