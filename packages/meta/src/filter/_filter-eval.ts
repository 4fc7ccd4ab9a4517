import type { FilterNode, FilterValue } from './_filter-ast.js';

/** Looks a name up for one run: its value, or `undefined` when the run has no such column. */
export type FilterLookup = (name: string) => FilterValue | undefined;

/** Evaluates a parsed filter for one run (decision 21). `now` is the time of the whole filtering, in ms. */
export function evaluateFilter(node: FilterNode, lookup: FilterLookup, now: number): FilterValue {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'name': {
      const v = lookup(node.name);
      // A word that names no column of this run is a value: `operation == train`.
      return v === undefined ? node.name : v;
    }
    case 'call': {
      if (node.fn === 'now') return { time: now };
      const d = new Date(now);
      d.setHours(0, 0, 0, 0);
      return { time: d.getTime() };
    }
    case 'list':
      return node.items.map((item) => evaluateFilter(item, lookup, now));
    case 'not':
      return !truthy(evaluateFilter(node.e, lookup, now));
    case 'neg': {
      const v = evaluateFilter(node.e, lookup, now);
      if (typeof v === 'number') return -v;
      if (isDur(v)) return { dur: -v.dur };
      return null;
    }
    case 'logic': {
      const a = truthy(evaluateFilter(node.a, lookup, now));
      if (node.op === 'and' ? !a : a) return a;
      return truthy(evaluateFilter(node.b, lookup, now));
    }
    case 'arith':
      return arith(node.op, evaluateFilter(node.a, lookup, now), evaluateFilter(node.b, lookup, now));
    case 'cmp':
      return compareValues(node.op, evaluateFilter(node.a, lookup, now), evaluateFilter(node.b, lookup, now));
    case 'match': {
      const v = evaluateFilter(node.a, lookup, now);
      const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
      if (text === undefined) return false;
      const re = node.re ?? patternOf(evaluateFilter(node.b, lookup, now));
      return re === undefined ? false : re.test(text) !== node.negate;
    }
    case 'in': {
      const v = evaluateFilter(node.a, lookup, now);
      const list = evaluateFilter(node.b, lookup, now);
      const items = Array.isArray(list) ? list : [list];
      return items.some((item) => equalValues(v, item)) !== node.negate;
    }
  }
}

/** A value in a boolean context: true, a number not 0, a non-empty text, a non-empty list. */
export function truthy(v: FilterValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function patternOf(v: FilterValue): RegExp | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return new RegExp(v);
  } catch {
    return undefined;
  }
}

function isTime(v: FilterValue): v is { time: number } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'time' in v;
}

function isDur(v: FilterValue): v is { dur: number } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'dur' in v;
}

/** A date or date-time text as ms (`2026-01-31` is local midnight), or `undefined`. */
function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  if (!/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(text)) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Both sides as numbers of one kind (plain, times, durations), or `undefined` when they do not compare. */
function numeric(a: FilterValue, b: FilterValue): [number, number] | undefined {
  if (typeof a === 'number' && typeof b === 'number') return [a, b];
  if (isTime(a) && isTime(b)) return [a.time, b.time];
  if (isDur(a) && isDur(b)) return [a.dur, b.dur];
  // A plain number against a duration counts seconds (`time > 90`).
  if (isDur(a) && typeof b === 'number') return [a.dur, b * 1000];
  if (typeof a === 'number' && isDur(b)) return [a * 1000, b.dur];
  if (isTime(a) && typeof b === 'string') {
    const t = parseDate(b);
    return t === undefined ? undefined : [a.time, t];
  }
  if (typeof a === 'string' && isTime(b)) {
    const t = parseDate(a);
    return t === undefined ? undefined : [t, b.time];
  }
  return undefined;
}

function equalValues(a: FilterValue, b: FilterValue): boolean {
  const n = numeric(a, b);
  if (n) return n[0] === n[1];
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b || typeof a === 'object') return false;
  return a === b;
}

function compareValues(op: '==' | '!=' | '<' | '<=' | '>' | '>=', a: FilterValue, b: FilterValue): boolean {
  if (op === '==') return equalValues(a, b);
  if (op === '!=') return !equalValues(a, b);
  let x: number | string;
  let y: number | string;
  const n = numeric(a, b);
  if (n) [x, y] = n;
  else if (typeof a === 'string' && typeof b === 'string') [x, y] = [a, b];
  else return false; // different kinds (a text config value against a number): no match
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function arith(op: '+' | '-' | '*' | '/' | '**', a: FilterValue, b: FilterValue): FilterValue {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return a / b;
      default:
        return a ** b;
    }
  }
  if (isTime(a) && isDur(b) && (op === '+' || op === '-')) return { time: op === '+' ? a.time + b.dur : a.time - b.dur };
  if (isDur(a) && isTime(b) && op === '+') return { time: a.dur + b.time };
  if (isTime(a) && isTime(b) && op === '-') return { dur: a.time - b.time };
  if (isDur(a) && isDur(b) && (op === '+' || op === '-')) return { dur: op === '+' ? a.dur + b.dur : a.dur - b.dur };
  if (isDur(a) && typeof b === 'number' && (op === '*' || op === '/')) return { dur: op === '*' ? a.dur * b : a.dur / b };
  if (typeof a === 'number' && isDur(b) && op === '*') return { dur: a * b.dur };
  return null;
}
