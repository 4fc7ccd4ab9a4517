import type { SyntaxNode } from '@lezer/common';
/** What a Python number literal is: an integer (`bigint`), a float (`number`), imaginary, or not valid Python. */
export type PythonNumber = bigint | number | 'imaginary' | 'invalid';
/**
 * Classifies a Python number literal by its text: decimal, hex, octal and
 * binary integers (underscores allowed) as `bigint`, floats as `number`.
 */
export declare function parsePythonNumber(text: string): PythonNumber;
/**
 * The number text of a node: a `Number`, or a float with a trailing dot
 * (`1.`, `1.e5`), which @lezer/python reads as a member expression of an
 * integer. Undefined for any other node (`1 .real` is a member expression).
 */
export declare function numberLiteralText(node: SyntaxNode, text: string): string | undefined;
//# sourceMappingURL=_python-number.d.ts.map