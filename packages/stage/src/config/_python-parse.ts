import type { PartialParse, Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/** The private counter of @lezer/lr's `Parse` that the workaround resets. */
interface LeftAssociativeGuard {
  bigReductionCount?: number;
}

/**
 * Parses Python source with @lezer/python, working around a misfire of
 * @lezer/lr (1.4.12): its guard against deep left-associative trees counts
 * reductions of 2,000+ characters that share a start position and, past
 * 300 of them, forces the stack out of the rule it is in. Reductions of a
 * statement list after a blank or comment-only line (the grammar's skipped
 * `blankLine` rule) all share one start, one per statement, so a module or
 * block with ~300 statements preceded by blank or comment lines got error
 * nodes in the middle of a valid statement (`key_389 = 389` read as
 * `key_389` and an error), and valid files were rejected as invalid Python.
 *
 * The workaround drives the parse itself and resets that counter whenever
 * the parse reaches the start of a new line: the guard still works inside
 * one line (a 100,000-term expression on one line is cut as before), but no
 * longer adds up statements across lines. Without the counter (another
 * @lezer/lr version) the reset does nothing and the regression test
 * (`read-python-config.test.ts`, 5,000 generated lines) fails.
 *
 * @example
 * ```ts
 * parsePython('x = 1\n').topNode.firstChild?.name; // 'AssignStatement'
 * ```
 */
export function parsePython(text: string): Tree {
  const parse: PartialParse & LeftAssociativeGuard = parser.startParse(text);
  let lineStart = -1;
  for (;;) {
    const pos = parse.parsedPos;
    if (pos !== lineStart && pos > 0 && isLineBreak(text.charCodeAt(pos - 1))) {
      lineStart = pos;
      if (parse.bigReductionCount !== undefined) parse.bigReductionCount = 0;
    }
    const tree = parse.advance();
    if (tree) return tree;
  }
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
