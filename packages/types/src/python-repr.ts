/**
 * Python `repr` of a float (docs/spec/stage.md 5.12): the shortest digits that read
 * back to the same double; positional when the exponent is in -4..15, else
 * `d[.ddd]e±XX`.
 *
 * @example
 * ```ts
 * pythonFloatRepr(1);      // '1.0'
 * pythonFloatRepr(1e-5);   // '1e-05'
 * pythonFloatRepr(1.5e16); // '1.5e+16'
 * ```
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const sign = neg ? '-' : '';
  if (exp >= -4 && exp < 16) {
    let text: string;
    if (exp < 0) {
      text = '0.' + '0'.repeat(-exp - 1) + digits;
    } else if (digits.length <= exp + 1) {
      text = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
    } else {
      text = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
    }
    return sign + text;
  }
  const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const e = Math.abs(exp);
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
}

/**
 * Python `repr` of a string (docs/spec/stage.md 5.12): single quotes unless the text
 * holds `'` and no `"`; escapes `\\`, the quote, `\t`, `\n`, `\r` and
 * non-printable characters.
 *
 * @example
 * ```ts
 * pythonStringRepr("it's"); // "\"it's\""
 * pythonStringRepr('a\nb'); // "'a\\nb'"
 * ```
 */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (isNonPrintable(ch, cp)) {
      if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function isNonPrintable(ch: string, cp: number): boolean {
  if (cp === 0x20) return false;
  if (cp >= 0x21 && cp < 0x7f) return false;
  return NON_PRINTABLE.test(ch);
}
