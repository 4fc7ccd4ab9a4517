// An offset-tracking walk over JSON text that parseJson has already accepted:
// maps every scalar leaf to its flat dotted key and text span.
import type { ConfigValue } from '@gage/types';
import type { ScalarSpan } from './_toml-json-yaml-edits.js';

type Node = { kind: 'scalar'; span: ScalarSpan } | { kind: 'object'; entries: Map<string, Node> } | { kind: 'array'; items: Node[] };

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/**
 * Scalar spans of valid JSON text, keyed by flat dotted key (`a.b`, `l.0`).
 * Starts after a UTF-8 byte-order mark; a duplicate object key replaces the
 * earlier entry as it does when the JSON is loaded.
 */
export function scanJson(text: string): Map<string, ScalarSpan> {
  const scanner = new JsonScanner(text);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const [root] = scanner.value(scanner.ws(start));
  const spans = new Map<string, ScalarSpan>();
  if (root.kind !== 'scalar') flatten(root, '', spans);
  return spans;
}

function flatten(node: Node, key: string, spans: Map<string, ScalarSpan>): void {
  if (node.kind === 'scalar') {
    spans.set(key, node.span);
    return;
  }
  const prefix = key === '' ? '' : key + '.';
  if (node.kind === 'object') for (const [k, child] of node.entries) flatten(child, prefix + k, spans);
  else node.items.forEach((child, i) => flatten(child, prefix + String(i), spans));
}

class JsonScanner {
  readonly s: string;

  constructor(s: string) {
    this.s = s;
  }

  ws(i: number): number {
    while (i < this.s.length && ' \t\n\r'.includes(this.s[i] as string)) i++;
    return i;
  }

  value(i: number): [Node, number] {
    const c = this.s[i];
    if (c === '{') return this.object(i);
    if (c === '[') return this.array(i);
    const [value, end] = c === '"' ? this.string(i) : this.literal(i);
    return [{ kind: 'scalar', span: { start: i, end, value } }, end];
  }

  object(i: number): [Node, number] {
    const entries = new Map<string, Node>();
    i = this.ws(i + 1);
    while (this.s[i] !== '}') {
      const [key, afterKey] = this.string(i);
      const [child, end] = this.value(this.ws(this.ws(afterKey) + 1));
      entries.delete(key);
      entries.set(key, child);
      i = this.ws(end);
      if (this.s[i] === ',') i = this.ws(i + 1);
    }
    return [{ kind: 'object', entries }, i + 1];
  }

  array(i: number): [Node, number] {
    const items: Node[] = [];
    i = this.ws(i + 1);
    while (this.s[i] !== ']') {
      const [child, end] = this.value(i);
      items.push(child);
      i = this.ws(end);
      if (this.s[i] === ',') i = this.ws(i + 1);
    }
    return [{ kind: 'array', items }, i + 1];
  }

  string(i: number): [string, number] {
    let j = i + 1;
    while (this.s[j] !== '"') j += this.s[j] === '\\' ? 2 : 1;
    return [JSON.parse(this.s.slice(i, j + 1)) as string, j + 1];
  }

  literal(i: number): [ConfigValue, number] {
    for (const [word, value] of LITERALS) if (this.s.startsWith(word, i)) return [value, i + word.length];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(this.s) as RegExpExecArray;
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    return [isFloat ? Number(m[0]) : BigInt(m[0]), i + m[0].length];
  }
}

const LITERALS: [string, ConfigValue][] = [
  ['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
];
