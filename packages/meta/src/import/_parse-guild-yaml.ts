import type { JsonValue } from '@gage/types';

const INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?(?:[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$/;
/** A one-line plain scalar that the YAML core schema reads as a string: no indicator first (but `-` before a non-space: `-um`), no `: ` or ` #` inside. */
const PLAIN = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-\S)[^\n]*$/;

/**
 * Parses a Guild AI attribute file as YAML (core schema, integers as
 * `bigint`). Guild writes its attributes with PyYAML's block style: one
 * plain or quoted scalar (`1700000000002000`, `maria`, `"r\xE9seau"`), a
 * list of them (`cmd`, `tags`), a mapping of them (`env`, `flags`, one
 * level of nested lists or mappings), or a list of such mappings
 * (`comments`). Those are read here; anything else (flow collections,
 * anchors, tags, block scalars, comments, multi-line scalars, odd keys) by
 * `yaml`, which is slow for tiny documents (about 0.4 ms each; a run has a
 * dozen). `_parse-guild-yaml.test.ts` checks that both give the same value.
 *
 * @example
 * ```ts
 * parseGuildYaml('1700000000002000\n'); // 1700000000002000n
 * parseGuildYaml('lr: 0.1\n'); // { lr: 0.1 }
 * ```
 */
export function parseGuildYaml(text: string): JsonValue {
  if (yamlParse === undefined) throw new Error('loadGuildYaml() first');
  const fast = parseBlockDocument(text);
  if (fast !== NOT_FAST) return fast;
  return yamlParse(text, { schema: 'core', intAsBigInt: true, uniqueKeys: false }) as JsonValue;
}

/** What the fast path gives for a document or scalar it leaves to `yaml`. */
const NOT_FAST = Symbol('not fast');
type Fast = JsonValue | typeof NOT_FAST;

/**
 * The value of a Guild attribute document when the fast path of
 * {@link parseGuildYaml} reads it, else `undefined` (then `yaml` reads it).
 * Exported for its test.
 */
export function fastGuildYaml(text: string): JsonValue | undefined {
  const v = parseBlockDocument(text);
  return v === NOT_FAST ? undefined : v;
}

function parseBlockDocument(text: string): Fast {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  // Control characters, tabs, CR, a BOM, a DEL: left to yaml (which rejects some and folds others).
  if (/[\x00-\x1f\x7f\ufeff]/.test(body.replaceAll('\n', ''))) return NOT_FAST;
  // Document markers.
  if (/^(?:---|\.\.\.)(?:\s|$)/m.test(body)) return NOT_FAST;
  if (!body.includes('\n')) {
    const v = scalar(body);
    if (v !== NOT_FAST) return v;
  }
  const lines = body.split('\n');
  const at = { i: 0 };
  const value = block(lines, at, 0);
  return at.i === lines.length ? value : NOT_FAST;
}

/** The block collection starting at line `at.i`, every line of which is indented by `indent` spaces (sequence items) or more. */
function block(lines: readonly string[], at: { i: number }, indent: number): Fast {
  const first = lines[at.i];
  if (first === undefined || indentOf(first) !== indent) return NOT_FAST;
  return first.startsWith('- ', indent) ? sequence(lines, at, indent) : mapping(lines, at, indent, undefined);
}

function sequence(lines: readonly string[], at: { i: number }, indent: number): Fast {
  const items: JsonValue[] = [];
  for (let line = lines[at.i]; line !== undefined && indentOf(line) === indent && line.startsWith('- ', indent); line = lines[at.i]) {
    const rest = line.slice(indent + 2);
    const pair = keyValue(rest);
    if (pair === undefined) {
      const v = scalar(rest);
      if (v === NOT_FAST) return NOT_FAST;
      items.push(v);
      at.i++;
    } else {
      // `- key: value` and the pairs below it, indented by two more spaces: a mapping item.
      const v = mapping(lines, at, indent + 2, rest);
      if (v === NOT_FAST) return NOT_FAST;
      items.push(v);
    }
  }
  return items;
}

/** The mapping at `indent`; `firstPair` is the text of its first pair when it begins on a `- ` line. */
function mapping(lines: readonly string[], at: { i: number }, indent: number, firstPair: string | undefined): Fast {
  const map: { [key: string]: JsonValue } = {};
  let text = firstPair ?? lines[at.i]?.slice(indent);
  while (text !== undefined) {
    const pair = keyValue(text);
    if (pair === undefined || Object.hasOwn(map, pair.key)) return NOT_FAST;
    at.i++;
    if (pair.value !== '') {
      const v = scalar(pair.value);
      if (v === NOT_FAST) return NOT_FAST;
      map[pair.key] = v;
    } else {
      // `key:` and then a nested block: a list at the same indent (PyYAML's style) or deeper, a mapping deeper; else null.
      const next = lines[at.i];
      const nextIndent = next === undefined ? -1 : indentOf(next);
      if (next !== undefined && nextIndent === indent && next.startsWith('- ', indent)) {
        const v = sequence(lines, at, indent);
        if (v === NOT_FAST) return NOT_FAST;
        map[pair.key] = v;
      } else if (next !== undefined && nextIndent > indent) {
        const v = block(lines, at, nextIndent);
        if (v === NOT_FAST) return NOT_FAST;
        map[pair.key] = v;
      } else map[pair.key] = null;
    }
    const line = lines[at.i];
    if (line === undefined || indentOf(line) !== indent || line.startsWith('-', indent)) break;
    text = line.slice(indent);
  }
  return map;
}

const KEY = /^(?:([A-Za-z_][A-Za-z0-9_.-]*)|'([^']*)'|"([^"\\]*)"):(?: (.*))?$/;

/** `key: value` (value `''` for `key:`), keys plain words or simply quoted; `undefined` for anything else. */
function keyValue(text: string): { key: string; value: string } | undefined {
  const m = KEY.exec(text);
  if (!m) return undefined;
  const key = (m[1] ?? m[2] ?? m[3]) as string;
  // Plain keys that the core schema reads as something else than their text, and keys an object cannot hold as data.
  if (m[1] !== undefined && !(typeof scalar(key) === 'string')) return undefined;
  if (key === '__proto__' || key === '' || key === '<<') return undefined;
  const value = m[4] ?? '';
  if (m[4] !== undefined && (value === '' || value.startsWith(' '))) return undefined;
  return { key, value };
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20) n++;
  return n;
}

/** One scalar on one line as the core schema reads it, or {@link NOT_FAST}. */
function scalar(line: string): Fast {
  if (line === '{}') return {};
  if (line === '[]') return [];
  if (line.startsWith("'")) return /^'(?:[^']|'')*'$/.test(line) ? line.slice(1, -1).replace(/''/g, "'") : NOT_FAST;
  if (line.startsWith('"')) return doubleQuoted(line);
  if (INT.test(line)) return BigInt(line);
  if (FLOAT.test(line)) return Number(line);
  if (line === 'true' || line === 'True' || line === 'TRUE') return true;
  if (line === 'false' || line === 'False' || line === 'FALSE') return false;
  if (line === 'null' || line === 'Null' || line === 'NULL' || line === '~' || line === '') return null;
  if (PLAIN.test(line) && !/: |:$| #/.test(line) && !/^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(line) && !/^0[xo]/.test(line) &&
    line === line.trimEnd())
  {
    return line;
  }
  return NOT_FAST;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A one-line double-quoted scalar with YAML's escapes, or {@link NOT_FAST}. */
function doubleQuoted(line: string): Fast {
  if (line.length < 2 || !line.endsWith('"')) return NOT_FAST;
  let out = '';
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i] as string;
    if (c === '"') return NOT_FAST;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = line[++i] as string;
    const digits = HEX_DIGITS[e];
    if (digits !== undefined) {
      const hex = line.slice(i + 1, i + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return NOT_FAST;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return NOT_FAST;
      out += String.fromCodePoint(code);
      i += digits;
    } else if (Object.hasOwn(ESCAPES, e) && i < line.length - 1) out += ESCAPES[e];
    else return NOT_FAST;
  }
  return out;
}

type YamlParse = typeof import('yaml').parse;
let yamlParse: YamlParse | undefined;

/**
 * Loads the `yaml` parser for {@link parseGuildYaml}. Loaded on demand, so
 * that `gage run` and the other commands never load it through `@gage/meta`
 * (cli/test/lazy-parsers.test.ts).
 */
export async function loadGuildYaml(): Promise<void> {
  if (yamlParse !== undefined) return;
  // A bundler that splits chunks (esbuild, as in the `gage` bundle) gives a CommonJS package only `default`.
  const mod = await import('yaml');
  yamlParse = 'parse' in mod && typeof mod.parse === 'function' ? mod.parse : (mod as unknown as { default: typeof mod }).default.parse;
}
