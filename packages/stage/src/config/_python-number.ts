import type { SyntaxNode } from '@lezer/common';

/** Python numeric literal forms (the language reference, "Numeric literals"). */
const DIGITS = '[0-9](?:_?[0-9])*';
const EXPONENT = `[eE][+-]?${DIGITS}`;
const POINT_FLOAT = `(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.)`;
const FLOAT = new RegExp(`^(?:${POINT_FLOAT}(?:${EXPONENT})?|${DIGITS}${EXPONENT})$`);
const DECIMAL = /^(?:[1-9](?:_?[0-9])*|0(?:_?0)*)$/;
const PREFIXED = /^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)$/;
const IMAGINARY = new RegExp(`^(?:${POINT_FLOAT}(?:${EXPONENT})?|${DIGITS}${EXPONENT}|${DIGITS})[jJ]$`);

/** What a Python number literal is: an integer (`bigint`), a float (`number`), imaginary, or not valid Python. */
export type PythonNumber = bigint | number | 'imaginary' | 'invalid';

/**
 * Classifies a Python number literal by its text: decimal, hex, octal and
 * binary integers (underscores allowed) as `bigint`, floats as `number`.
 */
export function parsePythonNumber(text: string): PythonNumber {
  if (DECIMAL.test(text) || PREFIXED.test(text)) return BigInt(text.replaceAll('_', ''));
  if (FLOAT.test(text)) return Number(text.replaceAll('_', ''));
  if (IMAGINARY.test(text)) return 'imaginary';
  return 'invalid';
}

/**
 * The number text of a node: a `Number`, or a float with a trailing dot
 * (`1.`, `1.e5`), which @lezer/python reads as a member expression of an
 * integer. Undefined for any other node (`1 .real` is a member expression).
 */
export function numberLiteralText(node: SyntaxNode, text: string): string | undefined {
  if (node.name === 'Number') return text.slice(node.from, node.to);
  if (node.name !== 'MemberExpression') return undefined;
  const first = node.firstChild;
  const dot = first?.nextSibling;
  const last = dot?.nextSibling;
  if (first?.name !== 'Number' || dot?.name !== '.' || dot.from !== first.to || !last || last.nextSibling) return undefined;
  if (!/^[0-9_]+$/.test(text.slice(first.from, first.to))) return undefined;
  if (!last.type.isError && (last.name !== 'PropertyName' || last.from !== dot.to)) return undefined;
  return text.slice(node.from, node.to);
}
