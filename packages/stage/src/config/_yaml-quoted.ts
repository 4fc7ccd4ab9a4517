// The value of a one-line quoted YAML scalar, as the `yaml` package's
// `resolveFlowScalar` gives it (double-quoted escapes included).

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The string a one-line quoted scalar (quotes included, no line break)
 * reads as, or undefined for an escape the parser reports as an error.
 *
 * @example
 * ```ts
 * yamlQuotedValue(String.raw`"a\tb"`); // 'a\tb'
 * yamlQuotedValue("'it''s'");          // "it's"
 * yamlQuotedValue(String.raw`"\q"`);   // undefined
 * ```
 */
export function yamlQuotedValue(source: string): string | undefined {
  const body = source.slice(1, -1);
  if (source[0] === "'") return body.replaceAll("''", "'");
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i] as string;
    const mapped = ESCAPES[next];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const length = HEX_LENGTH[next];
    if (length === undefined) return undefined;
    const hex = body.slice(i + 1, i + 1 + length);
    if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}
