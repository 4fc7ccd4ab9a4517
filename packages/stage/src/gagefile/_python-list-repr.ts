import { pythonStringRepr } from '@gage/types';

/** Python's `repr` of a list of strings or integers: `['a', 'b']`, `[0, 2]`. */
export function pythonListRepr(items: readonly (string | number)[]): string {
  return `[${items.map((x) => (typeof x === 'string' ? pythonStringRepr(x) : String(x))).join(', ')}]`;
}
