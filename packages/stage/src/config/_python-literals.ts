import type { SyntaxNode } from '@lezer/common';
import type { Config } from '@gage/types';
import { ConfigSyntaxError } from '../errors.js';
import { lastResult } from './_last-result.js';
import { setConfigValue } from './_set-config-value.js';
import { parsePython } from './_python-parse.js';
import { pythonSegments } from './_python-segments.js';
import { checkPythonSyntax } from './_python-syntax.js';
import { evalPythonScalar, innerNodes, unwrapParens, type PythonScalar } from './_python-value.js';
import type { PythonConfigLiteral } from './read-python-config.js';

/** A literal span with the key suffixes it provides (`''` for the whole value, `.0`, `.opts.lr`). */
interface Leaf extends PythonScalar {
  suffix: string;
  from: number;
  to: number;
}

/** A top-level assignment whose value is a literal, a list or a dict. */
interface LiteralAssign {
  names: string[];
  leaves: Leaf[];
}

/**
 * The config literals of Python source (docs/spec/stage.md 5.6), per literal span
 * the keys that share it; spans are offsets into `source`. The literals of
 * the last source are kept, so a patch of the text just read does not read
 * it again: the result is shared and must not be modified.
 *
 * @example
 * ```ts
 * pythonLiterals('x = 1\n'); // [{ keys: ['x'], from: 4, to: 5, text: '1', value: 1n }]
 * ```
 */
export const pythonLiterals: (source: string) => readonly PythonConfigLiteral[] = lastResult(collect);

/** The values of the keys of Python source and the literals behind them (a fresh object and array). */
export function collectPythonLiterals(source: string): { values: Config; literals: PythonConfigLiteral[] } {
  const literals = pythonLiterals(source);
  const values: Config = {};
  for (const literal of literals) for (const key of literal.keys) setConfigValue(values, key, literal.value);
  return { values, literals: [...literals] };
}

function collect(source: string): PythonConfigLiteral[] {
  const offset = source.startsWith('\uFEFF') ? 1 : 0;
  const text = source.slice(offset);
  const assigns = literalAssigns(source, text, offset);
  const winner = new Map<string, LiteralAssign>();
  for (const assign of assigns) for (const name of assign.names) winner.set(name, assign);
  const literals: PythonConfigLiteral[] = [];
  for (const assign of assigns) {
    const names = assign.names.length === 1 && winner.get(assign.names[0] as string) === assign
      ? assign.names
      : assign.names.filter((name) => winner.get(name) === assign);
    if (names.length === 0) continue;
    for (const leaf of assign.leaves) {
      const keys = leaf.suffix ? names.map((name) => name + leaf.suffix) : names;
      const literal: PythonConfigLiteral = { keys, from: leaf.from + offset, to: leaf.to + offset, text: text.slice(leaf.from, leaf.to), value: leaf.value };
      if (leaf.string) literal.string = leaf.string;
      literals.push(literal);
    }
  }
  return literals;
}

/**
 * The literal assignments of `text` in source order: simple lines read
 * directly, the code between them parsed segment by segment. When a
 * segment is invalid, the whole text is parsed again so the error reported
 * is the one of the file.
 */
function literalAssigns(source: string, text: string, offset: number): LiteralAssign[] {
  const assigns: LiteralAssign[] = [];
  try {
    for (const segment of pythonSegments(text)) {
      if (segment.kind === 'code') assigns.push(...parsedAssigns(source, text.slice(segment.from, segment.to), offset, segment.from));
      else {
        const { value, from, to, string } = segment;
        assigns.push({ names: [segment.name], leaves: [{ value, from, to, suffix: '', ...(string ? { string } : {}) }] });
      }
    }
  } catch (err) {
    if (!(err instanceof ConfigSyntaxError)) throw err;
    return parsedAssigns(source, text, offset, 0);
  }
  return assigns;
}

/** The literal assignments of parsed code that starts at `base` in the text; offsets are the text's. */
function parsedAssigns(source: string, code: string, offset: number, base: number): LiteralAssign[] {
  const tree = parsePython(code);
  checkPythonSyntax(source, code, tree, offset + base);
  const assigns: LiteralAssign[] = [];
  for (const stmt of topLevelStatements(tree.topNode)) {
    const assign = literalAssign(stmt, code);
    if (!assign) continue;
    if (base) { for (const leaf of assign.leaves) (leaf.from += base), (leaf.to += base); }
    assigns.push(assign);
  }
  return assigns;
}

function* topLevelStatements(top: SyntaxNode): Generator<SyntaxNode> {
  for (let c = top.firstChild; c; c = c.nextSibling) {
    if (c.name === 'StatementGroup') {
      for (let s = c.firstChild; s; s = s.nextSibling) yield s;
    } else yield c;
  }
}

/** The names and literal leaves of `name = value` / `name: T = value` / `a = b = value`. */
function literalAssign(stmt: SyntaxNode, text: string): LiteralAssign | undefined {
  if (stmt.name !== 'AssignStatement') return undefined;
  const segments: SyntaxNode[][] = [[]];
  for (let c = stmt.firstChild; c; c = c.nextSibling) {
    if (c.name === 'AssignOp') segments.push([]);
    else if (c.name !== 'Comment') (segments[segments.length - 1] as SyntaxNode[]).push(c);
  }
  const valueNodes = segments.pop() as SyntaxNode[];
  if (segments.length === 0 || valueNodes.length !== 1) return undefined;
  const names = segments.flatMap((seg) => {
    const [target, annotation] = seg;
    const plain = target?.name === 'VariableName' && (seg.length === 1 || (seg.length === 2 && annotation?.name === 'TypeDef'));
    return plain ? [text.slice(target.from, target.to)] : [];
  });
  if (names.length === 0) return undefined;
  const leaves = literalLeaves(valueNodes[0] as SyntaxNode, text, '');
  return leaves && { names: [...new Set(names)], leaves };
}

/** Leaves of a literal value; undefined when the value is no literal, list or dict. */
function literalLeaves(node: SyntaxNode, text: string, suffix: string): Leaf[] | undefined {
  const value = unwrapParens(node);
  if (value.name === 'ArrayExpression') return arrayLeaves(value, text, suffix);
  if (value.name === 'DictionaryExpression') return dictLeaves(value, text, suffix);
  const scalar = evalPythonScalar(value, text);
  return scalar && [{ ...scalar, suffix, from: value.from, to: value.to }];
}

function arrayLeaves(node: SyntaxNode, text: string, suffix: string): Leaf[] {
  const leaves: Leaf[] = [];
  let index = 0;
  let element: SyntaxNode[] = [];
  const flush = () => {
    if (element.length === 1) leaves.push(...(literalLeaves(element[0] as SyntaxNode, text, `${suffix}.${index}`) ?? []));
    element = [];
  };
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === ',') {
      flush();
      index++;
    } else if (c.name !== '[' && c.name !== ']' && c.name !== 'Comment') element.push(c);
  }
  flush();
  return leaves;
}

function dictLeaves(node: SyntaxNode, text: string, suffix: string): Leaf[] {
  const leaves = new Map<string, Leaf[]>();
  let entry: SyntaxNode[] = [];
  const flush = () => {
    const [keyNode, valueNode, extra] = entry.filter((c) => c.name !== ':');
    entry = [];
    if (!keyNode || !valueNode || extra || keyNode.name !== 'String') return;
    const key = evalPythonScalar(keyNode, text)?.value;
    if (typeof key !== 'string') return;
    leaves.set(key, literalLeaves(valueNode, text, `${suffix}.${key}`) ?? []);
  };
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === ',') flush();
    else if (c.name !== '{' && c.name !== '}' && c.name !== 'Comment') entry.push(c);
  }
  flush();
  return [...leaves.values()].flat();
}
