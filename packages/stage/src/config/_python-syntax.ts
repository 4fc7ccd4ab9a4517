import type { Tree } from '@lezer/common';
import { ConfigSyntaxError } from '../errors.js';
import { numberLiteralText, parsePythonNumber } from './_python-number.js';
import { decodePythonString, splitPythonString } from './_python-string.js';

/**
 * Throws {@link ConfigSyntaxError} for the first problem that makes `text`
 * invalid Python: an error node of the (error-tolerant) parser, a Python 2
 * `print` statement, an
 * unterminated string or bad escape, an invalid number literal, or a
 * top-level statement that does not start in column 1 (unexpected indent).
 * `offset` is added to positions (a skipped byte-order mark).
 */
export function checkPythonSyntax(source: string, text: string, tree: Tree, offset: number): void {
  const fail = (reason: string, pos: number): never => {
    const { line, column } = lineColumn(source, pos + offset);
    throw new ConfigSyntaxError('Python', reason, line, column);
  };
  const cursor = tree.cursor();
  for (;;) {
    const nodeText = () => text.slice(cursor.from, cursor.to);
    let enter = true;
    if (cursor.type.isError) fail('invalid syntax', cursor.from);
    if (cursor.name === 'PrintStatement') fail("missing parentheses in call to 'print'", cursor.from);
    const number = cursor.name === 'Number' ? nodeText() : numberLiteralText(cursor.node, text);
    if (number !== undefined) {
      if (parsePythonNumber(number) === 'invalid') fail(`invalid number literal "${number}"`, cursor.from);
      enter = false;
    }
    if (cursor.name === 'String') {
      const lit = splitPythonString(nodeText());
      if (!lit) fail('unterminated string literal', cursor.from);
      const decoded = decodePythonString(lit as NonNullable<typeof lit>);
      if ('invalid' in decoded) fail(decoded.invalid, cursor.from);
    }
    if (!cursor.next(enter)) break;
  }
  for (let child = tree.topNode.firstChild; child; child = child.nextSibling) {
    if (child.name === 'Comment') continue;
    const lineStart = text.lastIndexOf('\n', child.from - 1) + 1;
    if (!/^\f*$/.test(text.slice(lineStart, child.from))) fail('unexpected indent', child.from);
  }
}

/** 1-based line and column (in characters) of `pos` in `source`; CRLF, CR and LF end lines. */
function lineColumn(source: string, pos: number): { line: number; column: number } {
  const before = source.slice(0, pos);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines[lines.length - 1] as string)].length + 1 };
}
