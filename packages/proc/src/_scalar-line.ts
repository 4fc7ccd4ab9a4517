/** One value a line gives: its key and the number as JSON text. */
export interface ScalarValue {
  key: string;
  /** A JSON number (`0.25`, `NaN`, `Infinity`, `-Infinity`). */
  value: string;
}

/** What one output line gives: its values and its step, when it names one. */
export interface ScalarLine {
  values: ScalarValue[];
  /** The line's `step`, when it has one (an integer). */
  step: number | undefined;
}

const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const EQUALS = 0x3d;

/**
 * The default scalar pattern of decision 20 (docs/spec/wave2.md): a line
 * made only of `key: value` or `key=value` pairs with numeric values,
 * separated by spaces, tabs, `,`, `;` or `|` (`loss: 0.25 acc=0.9`,
 * `train/loss=0.3, lr=1e-3`); or a line that starts with `step N` followed by
 * such pairs or by `key value` pairs (`step 3 loss 0.25 acc 0.9`). A key
 * starts with a letter or `_` and holds letters, digits, `_ . / -`; a value
 * is a decimal number (`+`/`-`, `.5`, `5.`, exponents), `nan`, `inf` or
 * `infinity`. Anything else on the line (a word with no value, `3/10`,
 * `95%`, `1.2.3`, a time `12:30:45`, a date) makes it no scalar line, so
 * ordinary log lines never give keys. `step` (any case) is the step, not a
 * value. Returns `undefined` for a line that is no scalar line.
 *
 * @example
 * ```ts
 * scanScalarLine('step 3 loss 0.25 acc 0.9'); // { values: [{key: 'loss', value: '0.25'}, {key: 'acc', value: '0.9'}], step: 3 }
 * scanScalarLine('Epoch 3/10');               // undefined
 * ```
 */
export function scanScalarLine(line: string): ScalarLine | undefined {
  const n = line.length;
  let i = skipSeparators(line, 0);
  if (i === n) return undefined;
  // Cheap rejection of most log lines: no `:` or `=`, and not starting with `step`.
  const stepFirst = startsWithStep(line, i);
  if (!stepFirst && line.indexOf(':', i) === -1 && line.indexOf('=', i) === -1) return undefined;
  const values: ScalarValue[] = [];
  let step: number | undefined;
  while (i < n) {
    const keyStart = i;
    let c = line.charCodeAt(i);
    if (!(isLetter(c) || c === 0x5f)) return undefined;
    i++;
    while (i < n && isKeyChar((c = line.charCodeAt(i)))) i++;
    let keyEnd = i;
    while (keyEnd > keyStart + 1 && (line.charCodeAt(keyEnd - 1) === 0x2e || line.charCodeAt(keyEnd - 1) === 0x2d)) keyEnd--;
    if (keyEnd !== i) return undefined; // a key ending in `.` or `-`
    const key = line.slice(keyStart, keyEnd);
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    c = line.charCodeAt(i);
    if (c === COLON || c === EQUALS) {
      i++;
      while (i < n && isBlank(line.charCodeAt(i))) i++;
    } else if (!stepFirst || i === keyEnd) {
      return undefined; // `key value` pairs only after a leading `step N`, and never without a space
    }
    const numEnd = scanNumber(line, i);
    if (numEnd === -1) return undefined;
    if (numEnd < n && !isSeparator(line.charCodeAt(numEnd))) return undefined;
    const text = line.slice(i, numEnd);
    i = skipSeparators(line, numEnd);
    if (key.length === 4 && key.toLowerCase() === 'step') {
      if (!/^[+]?\d+$/.test(text)) return undefined;
      step = Number(text);
    } else {
      values.push({ key, value: jsonNumber(text) });
    }
  }
  return { values, step };
}

function startsWithStep(line: string, i: number): boolean {
  return /^step[ \t]+\+?\d+(?:[ \t,;|]|$)/i.test(line.slice(i, i + 32));
}

/** End of a number starting at `i`, or -1. */
function scanNumber(s: string, i: number): number {
  const n = s.length;
  let j = i;
  let c = s.charCodeAt(j);
  if (c === 0x2b || c === 0x2d) c = s.charCodeAt(++j);
  const word = /^(?:infinity|inf|nan)/i.exec(s.slice(j, j + 8));
  if (word) return j + word[0].length;
  let digits = 0;
  while (j < n && isDigit(s.charCodeAt(j))) {
    j++;
    digits++;
  }
  if (s.charCodeAt(j) === 0x2e) {
    j++;
    while (j < n && isDigit(s.charCodeAt(j))) {
      j++;
      digits++;
    }
  }
  if (digits === 0) return -1;
  c = s.charCodeAt(j);
  if (c === 0x65 || c === 0x45) {
    let k = j + 1;
    c = s.charCodeAt(k);
    if (c === 0x2b || c === 0x2d) k++;
    const expStart = k;
    while (k < n && isDigit(s.charCodeAt(k))) k++;
    if (k === expStart) return -1;
    j = k;
  }
  return j;
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A number's text as a JSON number (Python's JSON for the non-finite ones). */
export function jsonNumber(text: string): string {
  if (JSON_NUMBER.test(text)) return text;
  const x = Number(text.toLowerCase().replace('infinity', 'inf').replace('inf', 'Infinity').replace('nan', 'NaN'));
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const s = String(x);
  return /[.e]/.test(s) || !/[.eE]/.test(text) ? s : `${s}.0`;
}

function skipSeparators(s: string, i: number): number {
  while (i < s.length && isSeparator(s.charCodeAt(i))) i++;
  return i;
}

function isSeparator(c: number): boolean {
  return c === SPACE || c === TAB || c === 0x2c || c === 0x3b || c === 0x7c || c === 0x0d;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isKeyChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2e || c === 0x2f || c === 0x2d;
}
