/** A value while a filter is evaluated: numbers (ints as floats), text, bools, null, times and durations in ms, lists. */
export type FilterValue = number | string | boolean | null | { time: number } | { dur: number } | FilterValue[];

/** A node of a parsed filter expression. */
export type FilterNode =
  | { t: 'lit'; v: FilterValue; pos: number }
  | { t: 'name'; name: string; pos: number }
  | { t: 'call'; fn: 'now' | 'today'; pos: number }
  | { t: 'not'; e: FilterNode; pos: number }
  | { t: 'neg'; e: FilterNode; pos: number }
  | { t: 'logic'; op: 'and' | 'or'; a: FilterNode; b: FilterNode; pos: number }
  | { t: 'arith'; op: '+' | '-' | '*' | '/' | '**'; a: FilterNode; b: FilterNode; pos: number }
  | { t: 'cmp'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; a: FilterNode; b: FilterNode; pos: number }
  | { t: 'match'; negate: boolean; a: FilterNode; re: RegExp | undefined; b: FilterNode; pos: number }
  | { t: 'in'; negate: boolean; a: FilterNode; b: FilterNode; pos: number }
  | { t: 'list'; items: FilterNode[]; pos: number };
