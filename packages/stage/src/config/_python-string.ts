/** A Python string literal split into its parts. */
export interface PythonStringLiteral {
  /** The prefix as written (`''`, `r`, `U`, `Rb`...). */
  prefix: string;
  /** The quote character. */
  quote: '"' | "'";
  /** True for `'''` / `"""`. */
  triple: boolean;
  /** The text between the quotes, as written. */
  body: string;
  /** True when the prefix holds `r` or `R`. */
  raw: boolean;
  /** True for bytes (`b`) and f-strings (`f`): never a config value. */
  notText: boolean;
}

const LITERAL = /^([a-zA-Z]{0,2})('''|"""|'|")/;
const VALID_PREFIX = /^(?:|[rRuU]|[bBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/;
const CONTROL = /\p{Cc}/u;
const SURROGATE = /\p{Cs}/u;

/** Splits a String node's text; undefined when it is not a terminated Python string literal. */
export function splitPythonString(text: string): PythonStringLiteral | undefined {
  const m = LITERAL.exec(text);
  if (!m) return undefined;
  const prefix = m[1] as string;
  const delim = m[2] as string;
  const start = prefix.length + delim.length;
  if (!VALID_PREFIX.test(prefix) || text.length < start + delim.length || !text.endsWith(delim)) return undefined;
  const body = text.slice(start, text.length - delim.length);
  if (trailingBackslashes(body) % 2 === 1) return undefined;
  const lower = prefix.toLowerCase();
  return {
    prefix,
    quote: delim[0] as '"' | "'",
    triple: delim.length === 3,
    body,
    raw: lower.includes('r'),
    notText: lower.includes('b') || lower.includes('f'),
  };
}

function trailingBackslashes(text: string): number {
  let n = 0;
  while (n < text.length && text[text.length - 1 - n] === '\\') n++;
  return n;
}

/** The decoded value of a literal body, or why it has none. */
export type DecodedString = { value: string } | { unsupported: string } | { invalid: string };

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Decodes a string literal the way Python does: newlines normalised to LF
 * (Python reads source with universal newlines), escapes decoded unless raw.
 * `\N{...}` needs the Unicode name table and is reported as unsupported.
 */
export function decodePythonString(lit: PythonStringLiteral): DecodedString {
  const body = lit.body.replace(/\r\n?/g, '\n');
  if (lit.raw) return { value: body };
  let out = '';
  let i = 0;
  while (i < body.length) {
    const slash = body.indexOf('\\', i);
    if (slash === -1) return { value: out + body.slice(i) };
    out += body.slice(i, slash);
    const ch = body[slash + 1] as string;
    i = slash + 2;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      out += simple;
    } else if (ch >= '0' && ch <= '7') {
      const digits = /^[0-7]{1,3}/.exec(body.slice(slash + 1))?.[0] as string;
      out += String.fromCodePoint(parseInt(digits, 8));
      i = slash + 1 + digits.length;
    } else if (ch === 'x' || ch === 'u' || ch === 'U') {
      const width = ch === 'x' ? 2 : ch === 'u' ? 4 : 8;
      const hex = body.slice(i, i + width);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : -1;
      if (cp < 0 || cp > 0x10ffff) return { invalid: `invalid \\${ch} escape "\\${ch}${hex}"` };
      out += String.fromCodePoint(cp);
      i += width;
    } else if (ch === 'N') {
      return { unsupported: 'named Unicode escapes (\\N{...}) are not supported' };
    } else {
      out += '\\' + ch;
    }
  }
  return { value: out };
}

/** True when a raw literal with `lit`'s quoting can hold `value` unescaped. */
function rawCanHold(lit: PythonStringLiteral, value: string): boolean {
  return !CONTROL.test(value) && !SURROGATE.test(value) && !value.includes(lit.quote) && trailingBackslashes(value) % 2 === 0;
}

/**
 * Writes `value` into a string literal shaped like `lit`: same prefix, quote
 * character and triple quoting. A raw literal that cannot hold the value
 * loses its `r`; otherwise backslash, the quote character, control
 * characters and lone surrogates are escaped.
 */
export function encodePythonString(lit: PythonStringLiteral, value: string): string {
  const delim = lit.triple ? lit.quote.repeat(3) : lit.quote;
  if (lit.raw && rawCanHold(lit, value)) return lit.prefix + delim + value + delim;
  const prefix = lit.prefix.replace(/[rR]/g, '');
  let body = '';
  for (const ch of value) {
    if (ch === '\\' || ch === lit.quote) body += '\\' + ch;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\t') body += '\\t';
    else if (CONTROL.test(ch)) body += '\\x' + (ch.codePointAt(0) as number).toString(16).padStart(2, '0');
    else if (SURROGATE.test(ch)) body += '\\u' + (ch.codePointAt(0) as number).toString(16);
    else body += ch;
  }
  return prefix + delim + body + delim;
}
