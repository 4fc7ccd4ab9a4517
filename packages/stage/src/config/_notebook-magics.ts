import { logicalLineEnd, nextLine } from './_python-segments.js';

/** A cell magic: the first line that is not blank starts with `%%` (IPython drops leading blank lines first). */
const CELL_MAGIC = /^(?:[ \t\f]*(?:\r\n|\r|\n))*%%/;
const INDENT = /[ \t\f]*/y;
/** `name = %magic`, `a, b = !cmd`: IPython assigns the output of a magic or shell command. */
const MAGIC_ASSIGN = /[\p{L}_][\p{L}\p{N}_.]*(?:[ \t]*,[ \t]*[\p{L}_][\p{L}\p{N}_.]*)*[ \t]*=[ \t]*(?=[%!])/uy;

/**
 * A code cell's text as Python can read it (docs/spec/stage.md 5.7): IPython's own
 * syntax at the start of a logical line, `%magic ...`, `!shell ...`,
 * `?name`, and the command of `x = %magic` / `x = !shell`, is replaced by
 * `_` and spaces up to the end of its line, so offsets and line numbers stay
 * those of the cell and nothing masked is a literal. `undefined` for a cell
 * magic cell (`%%bash`, `%%time`): it is not Python, and the whole cell is
 * left out.
 *
 * @example
 * ```ts
 * maskIPythonSyntax('%pip install x\nlr = 0.1\nfiles = !ls\n'); // '_             \nlr = 0.1\nfiles = _  \n'
 * maskIPythonSyntax('%%bash\necho hi\n');                     // undefined
 * ```
 */
export function maskIPythonSyntax(text: string): string | undefined {
  if (CELL_MAGIC.test(text)) return undefined;
  let out = '';
  let kept = 0;
  let pos = 0;
  while (pos < text.length) {
    INDENT.lastIndex = pos;
    INDENT.test(text);
    const start = INDENT.lastIndex;
    const c = text[start];
    let from = c === '%' || c === '!' || c === '?' ? start : -1;
    if (from < 0) {
      MAGIC_ASSIGN.lastIndex = start;
      if (MAGIC_ASSIGN.test(text)) from = MAGIC_ASSIGN.lastIndex;
    }
    if (from < 0) {
      pos = logicalLineEnd(text, start);
      continue;
    }
    let to = from;
    while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
    out += text.slice(kept, from) + '_' + ' '.repeat(to - from - 1);
    kept = to;
    pos = nextLine(text, to);
  }
  return kept === 0 ? text : out + text.slice(kept);
}
