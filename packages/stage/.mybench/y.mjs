import { readFileSync } from 'node:fs';
import { parseDocument, Parser, Lexer, Composer } from 'yaml';
const text = readFileSync('/tmp/cfg.yaml', 'utf8');
const mode = process.argv[2];
const t0 = performance.now();
if (mode === 'lex') { let n = 0; for (const t of new Lexer().lex(text)) n++; }
else if (mode === 'cst') { let n = 0; for (const t of new Parser().parse(text)) n++; }
else if (mode === 'doc') parseDocument(text, { version: '1.1', intAsBigInt: true });
else if (mode === 'doc2') { parseDocument(text, { version: '1.1', intAsBigInt: true }); const t = performance.now(); parseDocument(text, { version: '1.1', intAsBigInt: true }); console.log('second', (performance.now()-t).toFixed(1)); }
console.log(mode, (performance.now() - t0).toFixed(1));
