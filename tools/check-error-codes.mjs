#!/usr/bin/env node
// Checks that a package's error codes and its README agree (run by tools/lint.mjs in each
// package dir, so `pnpm lint` runs it):
//
// 1. every code of the package's `*ErrorCode` unions (`export type MetaErrorCode = 'ERR_GAGE_…' | …`)
//    is in an error table of its README (a table with a `code` column);
// 2. every code in those tables is a code of this package or of a package to its left (a code
//    passed on from a lower layer), so the README names no code that does not exist;
// 3. every `'ERR_GAGE_…'` string literal in the sources (tests and comments excepted) is a code of
//    this package or of a package to its left, so a code cannot be thrown without being declared;
// 4. every declared code is used in the sources outside its union, so no dead code is documented.
//
//   node tools/check-error-codes.mjs [package dir]     # default: the current directory
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const LAYERS = ['types', 'meta', 'proc', 'stage', 'view', 'cli'];
const CODE = /^ERR_GAGE_[A-Z0-9_]+$/;

/**
 * The problems of the package in `pkgDir` (empty when all is well). Packages to its left are
 * looked for beside it (`../<name>`), as in `packages/`.
 */
export function checkErrorCodes(pkgDir) {
  const dir = resolve(pkgDir);
  const name = basename(dir);
  const layer = LAYERS.indexOf(name);
  const upstream = new Set();
  for (const left of LAYERS.slice(0, Math.max(layer, 0))) {
    for (const code of declaredCodes(readSources(join(dir, '..', left))).keys()) upstream.add(code);
  }
  const sources = readSources(dir);
  const own = declaredCodes(sources);
  const documented = readmeCodes(join(dir, 'README.md'));
  const problems = [];
  for (const [code, where] of own) {
    if (!documented.has(code)) problems.push(`${where}: ${code} is missing from the error table of README.md`);
  }
  for (const [code, line] of documented) {
    if (!own.has(code) && !upstream.has(code)) {
      problems.push(`README.md:${line}: ${code} is listed, but no *ErrorCode union of this package or of one to its left has it`);
    }
  }
  const used = new Set();
  for (const { file, code } of sources) {
    for (const { value, line } of codeLiterals(withoutDeclarations(code))) {
      used.add(value);
      if (!own.has(value) && !upstream.has(value)) {
        problems.push(`${file}:${line}: '${value}' is in no *ErrorCode union: add it to this package's union and to the error table of README.md`);
      }
    }
  }
  for (const [code, where] of own) {
    if (!used.has(code)) problems.push(`${where}: ${code} is declared but never used`);
  }
  return problems;
}

/** The non-test TypeScript sources under `<dir>/src`, with comments blanked out. */
function readSources(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push({ file: relative(dir, p), code: stripComments(readFileSync(p, 'utf8')) });
    }
  };
  walk(join(dir, 'src'));
  return out;
}

/** The codes of every `export type <Name>ErrorCode = …;` declaration, each with where it is declared. */
function declaredCodes(sources) {
  const codes = new Map();
  for (const { file, code } of sources) {
    for (const m of code.matchAll(DECLARATION)) {
      const line = lineOf(code, m.index);
      for (const { value } of codeLiterals(m[0])) codes.set(value, `${file}:${line} (${m[1]})`);
    }
  }
  return codes;
}

const DECLARATION = /export\s+type\s+(\w*ErrorCode)\s*=[^;]*;/g;

/** `code` with its `*ErrorCode` declarations blanked out (newlines kept, so line numbers stay). */
function withoutDeclarations(code) {
  return code.replace(DECLARATION, (m) => m.replace(/[^\n]/g, ' '));
}

/** String literals (quoted or plain template) whose whole text is an error code. */
function codeLiterals(code) {
  const out = [];
  for (const m of code.matchAll(/(['"`])(ERR_GAGE_[A-Za-z0-9_]*)\1/g)) {
    if (CODE.test(m[2])) out.push({ value: m[2], line: lineOf(code, m.index) });
  }
  return out;
}

/**
 * Codes in the error tables of a README, with the line of their first row: every markdown table
 * whose header has a `code` column (`| code | class | when |`, `| class / code | printed as |`).
 */
function readmeCodes(path) {
  const codes = new Map();
  const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trim());
  let inTable = false;
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) return void (inTable = false);
    if (!inTable && /^\|[\s:|-]+\|$/.test(lines[i + 1] ?? '')) {
      inTable = line.split('|').some((cell) => /\bcode\b/i.test(cell));
      return;
    }
    if (!inTable) return;
    for (const m of line.matchAll(/ERR_GAGE_[A-Z0-9_]+/g)) if (!codes.has(m[0])) codes.set(m[0], i + 1);
  });
  return codes;
}

function lineOf(text, index) {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * TypeScript text with its comments replaced by spaces (newlines kept). Strings, template literals
 * (with `${…}` nesting) and regular expression literals are skipped as a whole, so `//` inside them
 * is not a comment.
 */
export function stripComments(text) {
  let out = '';
  let i = 0;
  const braces = []; // for each open `${`, the brace depth inside it
  let lastSignificant = ''; // the last token's kind: 'w' for a word (not a keyword), else the character
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"') {
      const stop = skipQuoted(text, i, c);
      out += text.slice(i, stop);
      i = stop;
      lastSignificant = c;
    } else if (c === '`' || (c === '}' && braces.length > 0 && braces[braces.length - 1] === 0)) {
      if (c === '}') braces.pop();
      const { stop, opensExpr } = skipTemplate(text, i + 1);
      out += text.slice(i, stop);
      i = stop;
      if (opensExpr) braces.push(0);
      lastSignificant = '`';
    } else if (c === '/' && /^$|[=(,:;!&|?{}[+\-*%<>~^]$/.test(lastSignificant)) {
      const stop = skipRegExp(text, i);
      out += text.slice(i, stop);
      i = stop;
      lastSignificant = '/';
    } else {
      if (braces.length > 0 && c === '{') braces[braces.length - 1]++;
      else if (braces.length > 0 && c === '}') braces[braces.length - 1]--;
      out += c;
      i++;
      if (/[\w$]/.test(c)) {
        const word = /^[\w$]+/.exec(text.slice(i - 1))?.[0] ?? c;
        const end = i - 1 + word.length;
        out += text.slice(i, end);
        i = end;
        lastSignificant = KEYWORDS_BEFORE_EXPRESSION.has(word) ? '(' : 'w';
      } else if (!/\s/.test(c)) lastSignificant = c;
    }
  }
  return out;
}

/** Words after which a `/` starts a regular expression, not a division. */
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

function skipQuoted(text, start, quote) {
  let i = start + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** From just after a backtick or a `}` closing `${…}`: to after the closing backtick or the next `${`. */
function skipTemplate(text, start) {
  let i = start;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '`') return { stop: i + 1, opensExpr: false };
    else if (text[i] === '$' && text[i + 1] === '{') return { stop: i + 2, opensExpr: true };
    else i++;
  }
  return { stop: i, opensExpr: false };
}

function skipRegExp(text, start) {
  let i = start + 1;
  let inClass = false;
  while (i < text.length && text[i] !== '\n') {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '[') (inClass = true), i++;
    else if (text[i] === ']') (inClass = false), i++;
    else if (text[i] === '/' && !inClass) return i + 1;
    else i++;
  }
  return i;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = checkErrorCodes(process.argv[2] ?? '.');
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exitCode = 1;
}
