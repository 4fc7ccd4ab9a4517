import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type { Config } from '@gage/types';
import { setConfigValue } from './_set-config-value.js';
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
 * Reads the config literals of Python source (stage.md 5.6): the values of
 * the keys and, per literal span, the keys that share it. Spans are offsets
 * into `source`.
 */
export function collectPythonLiterals(source: string): { values: Config; literals: PythonConfigLiteral[] } {
  const offset = source.startsWith('\uFEFF') ? 1 : 0;
  const text = source.slice(offset);
  const tree = parser.parse(text);
  checkPythonSyntax(source, text, tree, offset);
  const assigns: LiteralAssign[] = [];
  const winner = new Map<string, LiteralAssign>();
  for (const stmt of topLevelStatements(tree.topNode)) {
    const assign = literalAssign(stmt, text);
    if (!assign) continue;
    assigns.push(assign);
    for (const name of assign.names) winner.set(name, assign);
  }
  const values: Config = {};
  const literals: PythonConfigLiteral[] = [];
  for (const assign of assigns) {
    const names = assign.names.filter((name) => winner.get(name) === assign);
    if (names.length === 0) continue;
    for (const leaf of assign.leaves) {
      const keys = names.map((name) => name + leaf.suffix);
      for (const key of keys) setConfigValue(values, key, leaf.value);
      literals.push({
        keys, from: leaf.from + offset, to: leaf.to + offset, text: text.slice(leaf.from, leaf.to), value: leaf.value,
        ...(leaf.string ? { string: leaf.string } : {}),
      });
    }
  }
  return { values, literals };
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
