const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A number's text (`+5`, `.5`, `5.`, `007`, `nan`, `-inf`) as a JSON number;
 * the non-finite ones as Python's JSON writes them (`NaN`, `Infinity`,
 * `-Infinity`), which every Gage JSON reader accepts.
 */
export function jsonNumber(text: string): string {
  if (JSON_NUMBER.test(text)) return text;
  const x = Number(text.toLowerCase().replace('infinity', 'inf').replace('inf', 'Infinity').replace('nan', 'NaN'));
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const s = String(x);
  return /[.e]/.test(s) || !/[.eE]/.test(text) ? s : `${s}.0`;
}

/**
 * The number a record's value text stands for (`NaN`, `Infinity`,
 * `-Infinity` included); NaN for text that is no number.
 */
export function scalarValue(text: string): number {
  return text === 'NaN' ? NaN : text === 'Infinity' ? Infinity : text === '-Infinity' ? -Infinity : Number(text);
}
