import type { FilterNode } from './_filter-ast.js';
import type { FilterToken } from './_filter-tokens.js';
import { FilterSyntaxError } from './filter-syntax-error.js';
import { TEXT_ATTRIBUTES, TIME_ATTRIBUTES } from './_filter-columns.js';

const CMP_OPS = new Set(['==', '!=', '<', '<=', '>', '>=', '=']);
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'not-in']);

/**
 * A recursive-descent parser of the filter language (decision 21), lowest
 * precedence first: `or`, `and`, `not`, comparisons (`== != < <= > >= =~
 * !~ in not-in`, `=` as `==`), `+ -`, `* /`, `**` (right-associative), unary
 * `-`, then values: numbers, durations, strings, `true false null`, lists
 * `[a b, c]`, `(now)`, `(today)`, parentheses and names.
 */
export class FilterParser {
  readonly #text: string;
  readonly #tokens: readonly FilterToken[];
  #i = 0;

  constructor(text: string, tokens: readonly FilterToken[]) {
    this.#text = text;
    this.#tokens = tokens;
  }

  parse(): FilterNode {
    if (this.#tokens.length === 0) throw this.#error('the expression is empty', 0);
    const node = this.#or();
    const extra = this.#peek();
    if (extra) throw this.#error(`unexpected ${describe(extra)}`, extra.pos);
    return node;
  }

  #or(): FilterNode {
    let a = this.#and();
    for (let t = this.#peek(); isWord(t, 'or'); t = this.#peek()) {
      this.#i++;
      a = { t: 'logic', op: 'or', a, b: this.#and(), pos: t.pos };
    }
    return a;
  }

  #and(): FilterNode {
    let a = this.#not();
    for (let t = this.#peek(); isWord(t, 'and'); t = this.#peek()) {
      this.#i++;
      a = { t: 'logic', op: 'and', a, b: this.#not(), pos: t.pos };
    }
    return a;
  }

  #not(): FilterNode {
    const t = this.#peek();
    if (isWord(t, 'not')) {
      this.#i++;
      return { t: 'not', e: this.#not(), pos: t.pos };
    }
    return this.#comparison();
  }

  #comparison(): FilterNode {
    const a = this.#sum();
    const t = this.#peek();
    if (t?.kind === 'op' && CMP_OPS.has(t.op)) {
      this.#i++;
      const b = this.#sum();
      const op = (t.op === '=' ? '==' : t.op) as '==' | '!=' | '<' | '<=' | '>' | '>=';
      const node: FilterNode = { t: 'cmp', op, a, b, pos: t.pos };
      this.#checkTypes(node);
      return node;
    }
    if (t?.kind === 'op' && (t.op === '=~' || t.op === '!~')) {
      this.#i++;
      const b = this.#sum();
      let re: RegExp | undefined;
      if (b.t === 'lit' && typeof b.v === 'string') re = this.#regex(b.v, b.pos);
      else if (b.t === 'name') re = this.#regex(b.name, b.pos);
      return { t: 'match', negate: t.op === '!~', a, re, b, pos: t.pos };
    }
    if (isWord(t, 'in') || isWord(t, 'not-in')) {
      this.#i++;
      return { t: 'in', negate: t.text === 'not-in', a, b: this.#sum(), pos: t.pos };
    }
    return a;
  }

  #sum(): FilterNode {
    let a = this.#product();
    for (let t = this.#peek(); t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = this.#peek()) {
      this.#i++;
      a = { t: 'arith', op: t.op as '+' | '-', a, b: this.#product(), pos: t.pos };
    }
    return a;
  }

  #product(): FilterNode {
    let a = this.#power();
    for (let t = this.#peek(); t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = this.#peek()) {
      this.#i++;
      a = { t: 'arith', op: t.op as '*' | '/', a, b: this.#power(), pos: t.pos };
    }
    return a;
  }

  #power(): FilterNode {
    const a = this.#unary();
    const t = this.#peek();
    if (t?.kind === 'op' && t.op === '**') {
      this.#i++;
      return { t: 'arith', op: '**', a, b: this.#power(), pos: t.pos };
    }
    return a;
  }

  #unary(): FilterNode {
    const t = this.#peek();
    if (t?.kind === 'op' && t.op === '-') {
      this.#i++;
      return { t: 'neg', e: this.#unary(), pos: t.pos };
    }
    return this.#value();
  }

  #value(): FilterNode {
    const t = this.#next();
    if (!t) throw this.#error('expected a value at the end', this.#text.length);
    switch (t.kind) {
      case 'number':
        return { t: 'lit', v: t.value, pos: t.pos };
      case 'duration':
        return { t: 'lit', v: { dur: t.ms }, pos: t.pos };
      case 'string':
        return { t: 'lit', v: t.value, pos: t.pos };
      case 'word':
        if (t.text === 'true' || t.text === 'false') return { t: 'lit', v: t.text === 'true', pos: t.pos };
        if (t.text === 'null') return { t: 'lit', v: null, pos: t.pos };
        if (KEYWORDS.has(t.text)) throw this.#error(`expected a value, got '${t.text}'`, t.pos);
        return { t: 'name', name: t.text, pos: t.pos };
      case 'punct':
        if (t.text === '(') return this.#parenthesized(t.pos);
        if (t.text === '[') return this.#list(t.pos);
        throw this.#error(`expected a value, got '${t.text}'`, t.pos);
      default:
        throw this.#error(`expected a value, got '${t.op}'`, t.pos);
    }
  }

  #parenthesized(pos: number): FilterNode {
    const a = this.#peek();
    const b = this.#tokens[this.#i + 1];
    if (a?.kind === 'word' && (a.text === 'now' || a.text === 'today') && b?.kind === 'punct' && b.text === ')') {
      this.#i += 2;
      return { t: 'call', fn: a.text, pos };
    }
    const node = this.#or();
    const close = this.#next();
    if (close?.kind !== 'punct' || close.text !== ')') throw this.#error(`'(' at position ${pos + 1} is not closed`, close?.pos ?? this.#text.length);
    return node;
  }

  #list(pos: number): FilterNode {
    const items: FilterNode[] = [];
    for (;;) {
      const t = this.#peek();
      if (!t) throw this.#error(`'[' at position ${pos + 1} is not closed`, this.#text.length);
      if (t.kind === 'punct' && t.text === ']') {
        this.#i++;
        return { t: 'list', items, pos };
      }
      if (t.kind === 'punct' && t.text === ',') {
        this.#i++;
        continue;
      }
      // In a list a word is a value (`[completed error]`), never a column.
      if (t.kind === 'word' && !KEYWORDS.has(t.text) && t.text !== 'true' && t.text !== 'false' && t.text !== 'null') {
        this.#i++;
        items.push({ t: 'lit', v: t.text, pos: t.pos });
      } else {
        items.push(this.#unary());
      }
    }
  }

  /** Comparisons that can never work: a text attribute with a number, a time attribute with a plain number. */
  #checkTypes(node: Extract<FilterNode, { t: 'cmp' }>): void {
    if (node.op === '==' || node.op === '!=') return;
    for (const [col, other] of [[node.a, node.b], [node.b, node.a]] as const) {
      if (col.t !== 'name') continue;
      const name = col.name.replace(/^attr:/, '');
      const numeric = other.t === 'lit' && (typeof other.v === 'number' || (other.v !== null && typeof other.v === 'object' && 'dur' in other.v));
      if (TEXT_ATTRIBUTES.has(name) && numeric) {
        throw this.#error(`column '${name}' holds text; '${node.op}' cannot compare it with a number`, node.pos);
      }
      if (TIME_ATTRIBUTES.has(name) && other.t === 'lit' && typeof other.v === 'number') {
        throw this.#error(`column '${name}' is a time; compare it with (now), (today), a date like '2026-01-31', or (now) - 1d`, node.pos);
      }
    }
  }

  #regex(source: string, pos: number): RegExp {
    try {
      return new RegExp(source);
    } catch (err) {
      throw this.#error(`invalid pattern '${source}': ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`, pos);
    }
  }

  #peek(): FilterToken | undefined {
    return this.#tokens[this.#i];
  }

  #next(): FilterToken | undefined {
    return this.#tokens[this.#i++];
  }

  #error(reason: string, pos: number): FilterSyntaxError {
    return new FilterSyntaxError(this.#text, reason, pos);
  }
}

function isWord(t: FilterToken | undefined, text: string): t is Extract<FilterToken, { kind: 'word' }> {
  return t?.kind === 'word' && t.text === text;
}

function describe(t: FilterToken): string {
  switch (t.kind) {
    case 'op':
      return `'${t.op}'`;
    case 'punct':
      return `'${t.text}'`;
    case 'string':
      return `'${t.value}'`;
    case 'word':
      return `'${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}
