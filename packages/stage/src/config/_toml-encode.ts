// The text a new value gets in a TOML config file, in the kind of string or
// integer it replaces where that kind can hold it.
import { type ConfigValue, pythonFloatRepr } from '@gage/types';
import type { EncodedScalar } from './_toml-json-yaml-edits.js';
import type { TomlSpan } from './_toml-scan.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
// Control characters TOML strings cannot hold raw (tab aside).
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** The replacement text of `span` for `value`, or a warning when TOML cannot hold it. */
export function encodeTomlScalar(span: TomlSpan, value: ConfigValue): EncodedScalar {
  if (value === null) return { warning: 'cannot write null to a TOML file (TOML has no null); value left unchanged' };
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'number') return { text: tomlFloat(value) };
  if (typeof value === 'bigint') return tomlInteger(span, value);
  switch (span.lexeme) {
    case 'literal':
      return { text: CONTROL.test(value) || value.includes("'") ? basicString(value) : `'${value}'` };
    case 'ml-literal':
      return { text: isMultilineLiteral(value) ? `'''${value}'''` : multilineBasicString(value) };
    case 'ml-basic':
      return { text: multilineBasicString(value) };
    default:
      return { text: basicString(value) };
  }
}

function tomlFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return pythonFloatRepr(x);
}

function tomlInteger(span: TomlSpan, value: bigint): EncodedScalar {
  if (value < INT64_MIN || value > INT64_MAX) {
    return { warning: `cannot write ${value} to a TOML file (integers are 64-bit); value left unchanged` };
  }
  const radix = { '0x': 16, '0o': 8, '0b': 2 }[span.lexeme as string];
  if (radix === undefined || value < 0n) return { text: value.toString() };
  return { text: span.lexeme + value.toString(radix) };
}

function escapeChar(ch: string): string {
  const named: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
  return named[ch] ?? '\\u' + (ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
}

function basicString(s: string): string {
  return '"' + s.replace(/[\x00-\x1f\x7f"\\]/g, escapeChar) + '"';
}

/**
 * A `"""` string: line breaks (LF, CRLF) stay raw but for a leading one,
 * which TOML would trim; other controls, quotes and backslashes escaped.
 */
function multilineBasicString(s: string): string {
  const body = s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f"\\]|\r(?!\n)/g, escapeChar);
  const lead = /^\r?\n/.exec(body)?.[0] ?? '';
  return '"""' + lead.replace('\r', '\\r').replace('\n', '\\n') + body.slice(lead.length) + '"""';
}

function isMultilineLiteral(s: string): boolean {
  return !/[\x00-\x08\x0b-\x1f\x7f]/.test(s) && !s.includes("'''") && !s.endsWith("'") && !s.startsWith('\n');
}
