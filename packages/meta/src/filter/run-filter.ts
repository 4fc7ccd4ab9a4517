import type { FilterNode, FilterValue } from './_filter-ast.js';
import { RUN_ATTRIBUTES } from './_filter-columns.js';
import { evaluateFilter, truthy } from './_filter-eval.js';
import { FilterParser } from './_filter-parser.js';
import { tokenizeFilter, type FilterToken } from './_filter-tokens.js';

/** What a filter can see of one run (decision 21). Times are ms since the epoch. */
export interface FilterRow {
  id: string;
  name: string;
  operation?: string | null | undefined;
  status?: string | null | undefined;
  label?: string | null | undefined;
  started?: number | undefined;
  stopped?: number | undefined;
  /** The run config (integers as `bigint`). */
  config?: Readonly<Record<string, unknown>> | undefined;
  /** Metrics by key: numbers, or summary objects `{value}`. */
  metrics?: Readonly<Record<string, unknown>> | undefined;
  /** Summary attributes by key. */
  attributes?: Readonly<Record<string, unknown>> | undefined;
}

/** A parsed `--where` expression. */
export interface RunFilter {
  /** The expression as given. */
  readonly expression: string;
  /**
   * The simple form (docs/spec/cli.md 3.4): the expression when it holds no
   * operator, keyword or bracket; a run passes when its operation or status
   * is exactly it or its label contains it. `undefined` for an expression.
   */
  readonly term: string | undefined;
  /** The names the expression uses as columns (prefixes kept), so a caller reads only what it needs. */
  readonly names: ReadonlySet<string>;
  /** True when `row` passes; `now` (ms) is `(now)` and the base of `(today)`. */
  matches(row: FilterRow, now?: number): boolean;
}

const SIMPLE_KINDS = new Set(['word', 'number', 'duration', 'string']);
/** Characters that make an expression; text without them that does not tokenize is still a simple term (`50%`). */
const EXPRESSION_CHARS = /[=<>!~*/()[\]]/;
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'not-in', 'true', 'false', 'null']);

/**
 * Parses a `--where` expression (decision 21, docs/spec/wave2.md): `==`
 * (or `=`), `!=`, `<`, `<=`, `>`, `>=`, `=~`, `!~` (a pattern: quoted, or a
 * bare word), `in`/`not-in` a list `[a b, c]`, `and`, `or`, `not`,
 * parentheses, `+ - * / **`, `(now)`, `(today)`, durations `90s 5m 1.5h 2d
 * 1w`, dates `'2026-01-31'`. Names are run attributes (`id name operation
 * status label started stopped time`), then config keys, metrics and summary
 * attributes; `config:`, `metric:`, `attr:` choose one. A word that names
 * no column of a run is a value (`operation == train`). Numbers compare as
 * numbers, texts as texts; two kinds that do not compare (text against a
 * number in a config) do not match. An expression with no operator keeps
 * the simple form (`term`). Nothing is ever evaluated as code.
 *
 * @throws {FilterSyntaxError} `ERR_GAGE_FILTER`, naming the problem and its position
 * @example
 * ```ts
 * const f = parseRunFilter('lr >= 0.01 and status in [completed error]');
 * f.matches({ id: 'a', name: 'b', status: 'completed', config: { lr: 0.1 } }); // true
 * parseRunFilter('best').term; // 'best'
 * ```
 */
export function parseRunFilter(expression: string): RunFilter {
  let trimmed = expression.trim();
  let tokens: FilterToken[];
  try {
    tokens = tokenizeFilter(expression);
  } catch (err) {
    if (EXPRESSION_CHARS.test(expression)) throw err;
    tokens = [];
  }
  const simple = tokens.every((t) => SIMPLE_KINDS.has(t.kind) && !(t.kind === 'word' && KEYWORDS.has(t.text)));
  if (simple) {
    const only = tokens.length === 1 ? tokens[0] : undefined;
    if (only?.kind === 'string') trimmed = only.value;
    return {
      expression,
      term: trimmed,
      names: new Set(trimmed === '' ? [] : ['operation', 'status', 'label']),
      matches: (row) => trimmed === '' || row.operation === trimmed || row.status === trimmed || (row.label ?? '').includes(trimmed),
    };
  }
  const root = new FilterParser(expression, tokens).parse();
  return {
    expression,
    term: undefined,
    names: namesOf(root),
    matches: (row, now = Date.now()) => truthy(evaluateFilter(root, (name) => lookup(row, name, now), now)),
  };
}

function namesOf(root: FilterNode): Set<string> {
  const names = new Set<string>();
  const visit = (n: FilterNode): void => {
    switch (n.t) {
      case 'name':
        names.add(n.name);
        break;
      case 'not':
      case 'neg':
        visit(n.e);
        break;
      case 'logic':
      case 'arith':
      case 'cmp':
      case 'in':
        visit(n.a);
        visit(n.b);
        break;
      case 'match':
        visit(n.a);
        break;
      case 'list':
        n.items.forEach(visit);
        break;
    }
  };
  visit(root);
  return names;
}

function lookup(row: FilterRow, name: string, now: number): FilterValue | undefined {
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const key = colon === -1 ? name : name.slice(colon + 1);
  switch (prefix) {
    case 'config':
      return own(row.config, key);
    case 'metric':
      return own(row.metrics, key);
    case 'attr':
      return first(attribute(row, key, now), () => own(row.attributes, key));
    case '':
      return first(attribute(row, key, now), () => own(row.config, key), () => own(row.metrics, key), () => own(row.attributes, key));
    default:
      return undefined; // `a:b` with another prefix is a value
  }
}

/** The first value found (`null` counts: the column exists). */
function first(value: FilterValue | undefined, ...more: (() => FilterValue | undefined)[]): FilterValue | undefined {
  for (const next of more) {
    if (value !== undefined) return value;
    value = next();
  }
  return value;
}

function attribute(row: FilterRow, key: string, now: number): FilterValue | undefined {
  if (!RUN_ATTRIBUTES.includes(key)) return undefined;
  switch (key) {
    case 'started':
      return row.started === undefined ? null : { time: row.started };
    case 'stopped':
      return row.stopped === undefined ? null : { time: row.stopped };
    case 'time': {
      if (row.started === undefined) return null;
      const end = row.stopped ?? (row.status === 'running' ? now : undefined);
      return end === undefined ? null : { dur: end - row.started };
    }
    default:
      return (row[key as 'id' | 'name' | 'operation' | 'status' | 'label'] ?? null) as FilterValue;
  }
}

function own(values: Readonly<Record<string, unknown>> | undefined, key: string): FilterValue | undefined {
  if (values === undefined || !Object.hasOwn(values, key)) return undefined;
  return toFilterValue(values[key]);
}

function toFilterValue(v: unknown): FilterValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'bigint':
      return Number(v);
    case 'number':
    case 'string':
    case 'boolean':
      return v;
  }
  if (Array.isArray(v)) return v.map(toFilterValue);
  if (typeof v === 'object' && 'value' in v) return toFilterValue((v as { value: unknown }).value);
  return null;
}
