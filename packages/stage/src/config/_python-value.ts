import type { SyntaxNode } from '@lezer/common';
import type { ConfigValue } from '@gage/types';
import { numberLiteralText, parsePythonNumber } from './_python-number.js';
import { decodePythonString, splitPythonString, type PythonStringLiteral } from './_python-string.js';

/** A scalar literal found in Python source. */
export interface PythonScalar {
  /** The value it evaluates to. */
  value: ConfigValue;
  /** The string literal, when the node is one (writing keeps its quoting). */
  string?: PythonStringLiteral;
}

/** Strips redundant parentheses: `((1))` -> the node of `1`. */
export function unwrapParens(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.name === 'ParenthesizedExpression') {
    const inner = innerNodes(current);
    if (inner.length !== 1) break;
    current = inner[0] as SyntaxNode;
  }
  return current;
}

/** Children of `node` that are not punctuation or comments. */
export function innerNodes(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'Comment' && !/^[()[\]{},:;]$/.test(c.name)) out.push(c);
  }
  return out;
}

/**
 * Evaluates a scalar literal (docs/spec/stage.md 5.6): numbers (not imaginary),
 * strings (not bytes, f-strings or implicit concatenation), `True`,
 * `False`, `None`, and unary `-`, `+`, `~` on numbers and booleans
 * (booleans count as 1/0). Undefined for anything else.
 */
export function evalPythonScalar(node: SyntaxNode, text: string): PythonScalar | undefined {
  const src = text.slice(node.from, node.to);
  const numberText = numberLiteralText(node, text);
  if (numberText !== undefined) {
    const n = parsePythonNumber(numberText);
    return typeof n === 'string' ? undefined : { value: n };
  }
  switch (node.name) {
    case 'String': {
      const lit = splitPythonString(src);
      if (!lit || lit.notText) return undefined;
      const decoded = decodePythonString(lit);
      return 'value' in decoded ? { value: decoded.value, string: lit } : undefined;
    }
    case 'Boolean':
      return { value: src === 'True' };
    case 'None':
      return { value: null };
    case 'UnaryExpression':
      return evalUnary(node, text);
    default:
      return undefined;
  }
}

function evalUnary(node: SyntaxNode, text: string): PythonScalar | undefined {
  const op = node.firstChild;
  const operandNode = node.lastChild;
  if (!op || !operandNode || op === operandNode) return undefined;
  const operand = evalPythonScalar(unwrapParens(operandNode), text)?.value;
  const n = typeof operand === 'boolean' ? BigInt(operand) : operand;
  if (typeof n !== 'bigint' && typeof n !== 'number') return undefined;
  switch (text.slice(op.from, op.to)) {
    case '-':
      return { value: -n };
    case '+':
      return { value: n };
    case '~':
      return typeof n === 'bigint' ? { value: ~n } : undefined;
    default:
      return undefined;
  }
}
