import { parser } from '@lezer/python';
import { readFileSync } from 'node:fs';
const src = process.argv[2] ?? readFileSync(0, 'utf8');
const tree = parser.parse(src);
const c = tree.cursor();
let depth = 0;
function walk() {
  do {
    console.log('  '.repeat(depth) + c.name + (c.type.isError ? '!' : '') + ' ' + JSON.stringify(src.slice(c.from, c.to).slice(0, 40)));
    if (c.firstChild()) { depth++; walk(); depth--; c.parent(); }
  } while (c.nextSibling());
}
walk();
