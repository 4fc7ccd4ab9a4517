import type { Tree } from '@lezer/common';
/**
 * Throws {@link ConfigSyntaxError} for the first problem that makes `text`
 * invalid Python: an error node of the (error-tolerant) parser, a Python 2
 * `print` statement, an
 * unterminated string or bad escape, an invalid number literal, or a
 * top-level statement that does not start in column 1 (unexpected indent).
 * `offset` is added to positions (a skipped byte-order mark).
 */
export declare function checkPythonSyntax(source: string, text: string, tree: Tree, offset: number): void;
//# sourceMappingURL=_python-syntax.d.ts.map