// Differential tests of parseJsonSpans: on every text, generated or mutated,
// it accepts exactly what JSON.parse accepts (plus Python's NaN and
// Infinity), throws parseJson's error otherwise, and gives the spans the
// config reader gave before the one reader (oldSpans below).
import { describe, expect, test } from '@jest/globals';
import { type JsonSpan, parseJson, parseJsonSpans } from './parse-json.js';

/** What parseJsonSpans gives, one line per span (value type and `-0`/NaN told apart), or `throws <message>`. */
function describeSpans(read: (text: string) => ReadonlyMap<string, JsonSpan>, text: string): string[] | string {
  try {
    return [...read(text)].map(([key, { start, end, value }]) => `${JSON.stringify(key)} ${start}-${end} ${describeValue(value)}`);
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}

function describeValue(value: JsonSpan['value']): string {
  if (typeof value === 'number') return `number:${Object.is(value, -0) ? '-0' : String(value)}`;
  return `${value === null ? 'null' : typeof value}:${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}`;
}

/** Python's extras as values (not inside a word or number), which JSON.parse does not know. */
const PYTHON_EXTRAS = /(?<![\w.+-])(?:-?Infinity|NaN)(?![\w.])/g;

/** The oracle of validity: JSON.parse, with Python's NaN and Infinity taken as numbers and a leading byte-order mark skipped. */
function jsonParseAccepts(text: string): boolean {
  try {
    JSON.parse(withoutBom(text).replace(PYTHON_EXTRAS, '0'));
    return true;
  } catch {
    return false;
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Checks parseJsonSpans on `text` against the oracles; returns whether the
 * text is valid JSON.
 */
function check(text: string): boolean {
  const valid = jsonParseAccepts(text);
  const spans = describeSpans(parseJsonSpans, text);
  if (!valid) {
    let message = '';
    try {
      parseJson(withoutBom(text), { bigint: true });
    } catch (err) {
      message = (err as Error).message;
    }
    expect({ text, spans }).toEqual({ text, spans: `throws ${message}` });
    expect(message).toMatch(/: line \d+ column \d+ \(char \d+\)$/);
    return false;
  }
  expect({ text, spans }).toEqual({ text, spans: describeSpans(oldSpans, text) });
  for (const span of parseJsonSpans(text).values()) {
    expect(describeValue(parseJson(text.slice(span.start, span.end), { bigint: true }) as JsonSpan['value'])).toBe(describeValue(span.value));
  }
  return true;
}

const SCALARS = [
  '0',
  '-0',
  '1',
  '-1',
  '12345678901234567890',
  '1.5',
  '-0.0',
  '1e5',
  '1E+5',
  '1e-5',
  '0.5e-3',
  '1.0',
  '1e400',
  '-1e400',
  'true',
  'false',
  'null',
  'NaN',
  'Infinity',
  '-Infinity',
  '""',
  '"a"',
  '"a b"',
  '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
  '"\\u00e9\\u20AC"',
  '"\\ud83d\\ude00"',
  '"\\ud800"',
  '"😀 días"',
  '"a.b"',
];
const INVALID = [
  '01',
  '1.',
  '.5',
  '+1',
  '-',
  '--1',
  '1e',
  '1e+',
  'tru',
  'nul',
  'nan',
  'inf',
  '-NaN',
  '"unterminated',
  '"\\q"',
  '"\\u12"',
  '"\\u12x4"',
  '"a\tb"',
  '"a\nb"',
  '"\x01"',
  "'a'",
  'undefined',
  '1 2',
  '[1,]',
  '{}x',
  '1.5.2',
  '0x10',
];

describe('parseJsonSpans() against JSON.parse and the earlier config reader', () => {
  test("reads every scalar, and rejects invalid ones with parseJson's error", () => {
    for (const s of SCALARS) {
      for (const text of [`{"k": ${s}}`, `[${s}]`, `{"a": [1, {"k": ${s}}], "b": ${s}}\n`, ` \r\n\t{ "k" :${s} } \n`, s]) {
        expect({ text, valid: check(text) }).toEqual({ text, valid: true });
      }
    }
    for (const s of INVALID) {
      for (const text of [`{"k": ${s}}`, `[${s}]`, `{"a": [1, {"k": ${s}}], "b": 2}\n`]) {
        expect({ text, valid: check(text) }).toEqual({ text, valid: false });
      }
    }
  });

  test('reads nested objects and arrays, empty ones, escaped and repeated keys, top-level scalars and a byte-order mark', () => {
    const texts = [
      '{\n  "train": {"lr": 0.1, "epochs": 10, "layers": [64, 32], "name": "m\\u00e9"},\n  "seed": null\n}\n',
      '{}',
      '[]',
      ' {} ',
      '[[]]',
      '{"a": {}, "b": [], "c": [[], {}], "d": 1}',
      '[[1, [2, [3]]], {"x": {"y": {"z": null}}}]',
      '\ufeff{"a": 1}',
      '{"": {"a": 1}, "b": {"": 2}}',
      '{"a.b": 1, "a": {"b": 2}}',
      '{"a": {"b": 2}, "a.b": 1}',
      '{"k\\u00e9y": 1, "k\\"q": 2, "__proto__": 3}',
      '{"a":1,"b":[true,false,null]}',
      '{"2": 1, "1": 2, "b": 3}',
      '{"a": 1, "a": 2}',
      '{"a": {"x": 1}, "b": 2, "a": {"y": 3}}',
      '{"a": {"x": 1}, "a": {}}',
      '[{"a": 1, "a": 1}]',
      '1',
      '"text"',
      'null',
      '\ufeff[1]',
    ];
    for (const text of texts) expect({ text, valid: check(text) }).toEqual({ text, valid: true });
  });

  test("rejects broken texts with parseJson's errors", () => {
    const texts = [
      '',
      '   ',
      '{',
      '[',
      '}',
      '{"a": 1',
      '[1, 2',
      '{"a": 1}}',
      '{"a": 1} x',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '[1 2]',
      '{"a":}',
      '{"a": [1}',
      '[}',
      '{]',
      '{,}',
      '[,]',
      '{"a": 1,}',
      '{a: 1}',
      "{'a': 1}",
      '{"a": 1}\ufeff',
      '\ufeff\ufeff{}',
      '\ufeff',
    ];
    for (const text of texts) expect({ text, valid: check(text) }).toEqual({ text, valid: false });
  });

  test('positions of errors after a byte-order mark do not count it', () => {
    expect(() => parseJsonSpans('\ufeff{"a": x}')).toThrow('Expecting value: line 1 column 7 (char 6)');
    expect(() => parseJsonSpans('\ufeff{\n"a": x}')).toThrow('Expecting value: line 2 column 6 (char 7)');
  });

  test('agrees on generated files, and on them with random characters inserted and deleted', () => {
    const random = new Random(2026);
    let mutatedValid = 0;
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const text = container(random, 0);
      expect({ text, valid: check(text) }).toEqual({ text, valid: true });
      if (check(mutate(random, text))) mutatedValid++;
    }
    // Both sides of the oracle are exercised: some mutated files stay valid, most do not.
    expect(mutatedValid).toBeGreaterThan(count / 20);
    expect(mutatedValid).toBeLessThan(count / 2);
  });
});

const KEYS = ['a', 'b', 'c', 'a.b', '', 'k\\u00e9', 'q\\"', 'x y', '__proto__', '0'];

/** A random object or array (repeated keys included), with random whitespace. */
function container(random: Random, depth: number): string {
  const ws = (): string => random.pick(['', '', ' ', '\n  ', '\r\n', '\t']);
  const value = (): string => (depth < 3 && random.chance(0.3) ? container(random, depth + 1) : random.pick(SCALARS));
  const n = random.int(5);
  if (random.chance(0.5)) return `[${ws()}${Array.from({ length: n }, () => value() + ws()).join(',' + ws())}]`;
  const keys = Array.from({ length: n }, () => random.pick(KEYS));
  return `{${ws()}${keys.map((k) => `"${k}"${ws()}:${ws()}${value()}${ws()}`).join(',' + ws())}}`;
}

const NOISE = [...'{}[],:"\\ \n\t0123456789.eE+-truefalsnNIy\x01\ufeff'];

/** `text` with one to three characters deleted, or inserted from NOISE, at random places. */
function mutate(random: Random, text: string): string {
  for (let j = 1 + random.int(3); j > 0; j--) {
    const at = random.int(text.length + 1);
    text = random.chance(0.3) ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + random.pick(NOISE) + text.slice(at);
  }
  return text;
}

/** A seeded pseudo-random generator (mulberry32). */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

// The earlier config reader (stage's `_json-scan.ts`, kept here as the
// oracle of the order and values of spans): a walk over text that is known
// to be valid, building a tree of Maps that is flattened afterwards.
type Node = { kind: 'scalar'; span: JsonSpan } | { kind: 'object'; entries: Map<string, Node> } | { kind: 'array'; items: Node[] };

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const LITERALS: [string, JsonSpan['value']][] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

function oldSpans(text: string): Map<string, JsonSpan> {
  const ws = (i: number): number => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
    return i;
  };
  const string = (i: number): [string, number] => {
    let j = i + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return [JSON.parse(text.slice(i, j + 1)) as string, j + 1];
  };
  const literal = (i: number): [JsonSpan['value'], number] => {
    for (const [word, value] of LITERALS) if (text.startsWith(word, i)) return [value, i + word.length];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text) as RegExpExecArray;
    return [m[1] !== undefined || m[2] !== undefined ? Number(m[0]) : BigInt(m[0]), i + m[0].length];
  };
  const value = (i: number): [Node, number] => {
    const c = text[i];
    if (c === '{' || c === '[') {
      const entries = new Map<string, Node>();
      const items: Node[] = [];
      i = ws(i + 1);
      while (text[i] !== (c === '{' ? '}' : ']')) {
        if (c === '{') {
          const [key, afterKey] = string(i);
          const [child, end] = value(ws(ws(afterKey) + 1));
          entries.delete(key);
          entries.set(key, child);
          i = ws(end);
        } else {
          const [child, end] = value(i);
          items.push(child);
          i = ws(end);
        }
        if (text[i] === ',') i = ws(i + 1);
      }
      return [c === '{' ? { kind: 'object', entries } : { kind: 'array', items }, i + 1];
    }
    const [v, end] = c === '"' ? string(i) : literal(i);
    return [{ kind: 'scalar', span: { start: i, end, value: v } }, end];
  };
  const flatten = (node: Node, key: string): void => {
    if (node.kind === 'scalar') {
      spans.set(key, node.span);
      return;
    }
    const prefix = key === '' ? '' : key + '.';
    if (node.kind === 'object') { for (const [k, child] of node.entries) flatten(child, prefix + k); }
    else node.items.forEach((child, i) => flatten(child, prefix + String(i)));
  };
  const spans = new Map<string, JsonSpan>();
  const [root] = value(ws(text.charCodeAt(0) === 0xfeff ? 1 : 0));
  if (root.kind !== 'scalar') flatten(root, '');
  return spans;
}
