import { pythonFloatRepr } from '@gage/types';
import { SweepError } from '../errors.js';
import type { RunFlag } from '../config/parse-run-flag.js';
import { listItems, numberArgs, type SweepItem } from './_sweep-args.js';
import { gridRange, spacedValue } from './_sweep-grid.js';

/** A flag whose values make a grid: `size` values, the i-th from `at(i)`. */
export interface GridSweep {
  kind: 'grid';
  /** The flag name. */
  name: string;
  /** The function: `list` for `[a,b]`, or `range`, `linspace`, `logspace`. */
  fn: string;
  /** How many values. */
  size: number;
  /** The flag with its i-th value (0-based). */
  at(index: number): RunFlag;
}

/** A flag whose values are drawn at random. */
export interface RandomSweep {
  kind: 'random';
  name: string;
  /** `uniform`, `loguniform`, `randint` or `choice`. */
  fn: string;
  /** The flag with a value drawn using `random` (floats in [0, 1)). */
  draw(random: () => number): RunFlag;
}

/** A flag in sweep syntax (decision 23). */
export type Sweep = GridSweep | RandomSweep;

/** The sweep functions, by kind (decision 23); `[a,b]` is the grid list. */
export const SWEEP_FUNCTIONS = {
  grid: ['range', 'linspace', 'logspace'],
  random: ['uniform', 'loguniform', 'randint', 'choice'],
} as const;

const SWEEP = /^([A-Za-z_][A-Za-z0-9_]*)?\[([\s\S]*)\]$/;

/**
 * The sweep a run flag's value asks for (decision 23), or `undefined` for
 * a plain value. Only the text as typed counts: a quoted value is never a
 * sweep (`name="'[x]'"` is the string `[x]`).
 *
 * - grid: `[a,b,...]` (items typed like flag values), `range[start:stop]` or
 *   `range[start:stop:step]` (stop included when the steps reach it; step
 *   1 by default; integers when all three are), `linspace[start:stop:count]`
 *   (`count` evenly spaced floats, both ends included),
 *   `logspace[start:stop:count]` (10 to the power of the linspace values);
 * - random: `uniform[a:b]` (a float), `loguniform[a:b]` (a float whose log
 *   is uniform, `0 < a`), `randint[a:b]` (an integer, both ends included),
 *   `choice[a,b,...]`.
 *
 * @param flag a command-line flag (`parseRunFlag`)
 * @throws {SweepError} `ERR_GAGE_SWEEP`: an unknown function
 *   (`linspce[...]`), arguments that are not numbers, an empty list or range
 * @example
 * ```ts
 * const sweep = parseSweep(parseRunFlag('lr=[0.1,0.01]')) as GridSweep;
 * sweep.size; // 2
 * sweep.at(1); // { name: 'lr', value: 0.01, text: '0.01' }
 * parseSweep(parseRunFlag(`name="'[x]'"`)); // undefined
 * ```
 */
export function parseSweep(flag: RunFlag): Sweep | undefined {
  const m = SWEEP.exec(flag.text);
  if (!m) return undefined;
  const fn = m[1] ?? 'list';
  const inner = m[2] as string;
  try {
    return sweepOf(flag.name, fn, inner);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    throw new SweepError(flag.name, `Invalid sweep ${flag.name}=${flag.text}: ${err.message}`, {
      hint: `To use the value as it is, quote it: ${flag.name}="'${flag.text}'"`,
    });
  }
}

function sweepOf(name: string, fn: string, inner: string): Sweep {
  switch (fn) {
    case 'list':
      return listSweep(name, fn, listItems(inner));
    case 'range':
      return gridSweep(name, fn, gridRange(numberArgs(inner, 2, 3)));
    case 'linspace':
    case 'logspace': {
      const [start, stop, count] = numberArgs(inner, 3, 3) as [number | bigint, number | bigint, number | bigint];
      if (typeof count !== 'bigint' || count < 1n) throw new SyntaxError(`the count must be a whole number of at least 1, got ${String(count)}`);
      return gridSweep(name, fn, { size: Number(count), at: (i) => spacedValue(Number(start), Number(stop), Number(count), i, fn === 'logspace') });
    }
    case 'choice': {
      const items = listItems(inner);
      return { kind: 'random', name, fn, draw: (random) => flagOf(name, items[Math.floor(random() * items.length)] as SweepItem) };
    }
    case 'uniform':
    case 'loguniform':
    case 'randint':
      return randomSweep(name, fn, numberArgs(inner, 2, 2) as [number | bigint, number | bigint]);
  }
  const known = ['[a,b,...]', ...SWEEP_FUNCTIONS.grid, ...SWEEP_FUNCTIONS.random].join(', ');
  throw new SyntaxError(`unknown sweep function '${fn}' (known: ${known})`);
}

function listSweep(name: string, fn: string, items: SweepItem[]): GridSweep {
  return { kind: 'grid', name, fn, size: items.length, at: (i) => flagOf(name, items[i] as SweepItem) };
}

function gridSweep(name: string, fn: string, values: { size: number; at(i: number): number | bigint }): GridSweep {
  return { kind: 'grid', name, fn, size: values.size, at: (i) => numberFlag(name, values.at(i)) };
}

function randomSweep(name: string, fn: string, [a, b]: [number | bigint, number | bigint]): RandomSweep {
  if (fn === 'randint') {
    if (typeof a !== 'bigint' || typeof b !== 'bigint') throw new SyntaxError('randint takes whole numbers');
    if (a > b) throw new SyntaxError(`the low end ${a} is above the high end ${b}`);
    const span = Number(b - a + 1n);
    return { kind: 'random', name, fn, draw: (random) => numberFlag(name, a + BigInt(Math.floor(random() * span))) };
  }
  const [lo, hi] = [Number(a), Number(b)];
  if (lo > hi) throw new SyntaxError(`the low end ${String(a)} is above the high end ${String(b)}`);
  if (fn === 'uniform') return { kind: 'random', name, fn, draw: (random) => numberFlag(name, lo + random() * (hi - lo)) };
  if (lo <= 0) throw new SyntaxError('loguniform needs a low end above 0');
  const [llo, lhi] = [Math.log(lo), Math.log(hi)];
  return { kind: 'random', name, fn, draw: (random) => numberFlag(name, Math.min(hi, Math.max(lo, Math.exp(llo + random() * (lhi - llo))))) };
}

function flagOf(name: string, item: SweepItem): RunFlag {
  return { name, value: item.value, text: item.text };
}

function numberFlag(name: string, value: number | bigint): RunFlag {
  return { name, value, text: typeof value === 'bigint' ? String(value) : pythonFloatRepr(value) };
}
