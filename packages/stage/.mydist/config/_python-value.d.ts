import type { SyntaxNode } from '@lezer/common';
import type { ConfigValue } from '@gage/types';
import { type PythonStringLiteral } from './_python-string.js';
/** A scalar literal found in Python source. */
export interface PythonScalar {
    /** The value it evaluates to. */
    value: ConfigValue;
    /** The string literal, when the node is one (writing keeps its quoting). */
    string?: PythonStringLiteral;
}
/** Strips redundant parentheses: `((1))` -> the node of `1`. */
export declare function unwrapParens(node: SyntaxNode): SyntaxNode;
/** Children of `node` that are not punctuation or comments. */
export declare function innerNodes(node: SyntaxNode): SyntaxNode[];
/**
 * Evaluates a scalar literal (stage.md 5.6): numbers (not imaginary),
 * strings (not bytes, f-strings or implicit concatenation), `True`,
 * `False`, `None`, and unary `-`, `+`, `~` on numbers and booleans
 * (booleans count as 1/0). Undefined for anything else.
 */
export declare function evalPythonScalar(node: SyntaxNode, text: string): PythonScalar | undefined;
//# sourceMappingURL=_python-value.d.ts.map