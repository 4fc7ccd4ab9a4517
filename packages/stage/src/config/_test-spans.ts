// Helpers of the fast-path differential tests (not built): comparing the
// spans of a fast scanner with those of the full parser, and a seeded
// random generator for test files.
import type { ConfigValue } from '@gage/types';
import type { ScalarSpan } from './_toml-json-yaml-edits.js';

/** One line per span, in map order: key, range, the value's type and text (`-0`, NaN told apart), other fields. */
function describeSpans(spans: ReadonlyMap<string, ScalarSpan>): string[] {
  return [...spans].map(([key, span]) => {
    const { start, end, value, ...rest } = span;
    return `${JSON.stringify(key)} ${start}-${end} ${describeValue(value)} ${JSON.stringify(rest)}`;
  });
}

function describeValue(value: ConfigValue): string {
  if (typeof value === 'number') return `number:${Object.is(value, -0) ? '-0' : String(value)}`;
  return `${value === null ? 'null' : typeof value}:${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}`;
}

/** The spans, or the error message the full path throws. */
function attempt(full: (text: string) => ReadonlyMap<string, ScalarSpan>, text: string): string[] | string {
  try {
    return describeSpans(full(text));
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}

/** What the fast scanner and the full path give for one text: each as {@link describeSpans} lines (the full path's error message if it throws). */
export interface FastAndFull {
  text: string;
  fast: string[];
  full: string[] | string;
}

/** Both results for `text`, or undefined when the fast scanner leaves the text to the full path. */
export function fastAndFull(
  fast: (text: string) => ReadonlyMap<string, ScalarSpan> | undefined,
  full: (text: string) => ReadonlyMap<string, ScalarSpan>,
  text: string,
): FastAndFull | undefined {
  const quick = fast(text);
  return quick === undefined ? undefined : { text, fast: describeSpans(quick), full: attempt(full, text) };
}

/** A seeded pseudo-random generator (mulberry32): `next()` in [0, 1). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** `text` with one to three characters deleted, or inserted from `noise`, at random places. */
export function mutate(random: Random, noise: readonly string[], text: string): string {
  for (let j = 1 + random.int(3); j > 0; j--) {
    const at = random.int(text.length + 1);
    text = random.chance(0.3) ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + random.pick(noise) + text.slice(at);
  }
  return text;
}
