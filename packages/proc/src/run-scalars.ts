import { createReadStream, readFileSync } from 'node:fs';
import { runMetaPath } from '@gage/meta';
import type { Run } from '@gage/types';
import { scalarValue } from './_scalar-json-number.js';

/** One value of a scalar time series (decision 20). */
export interface ScalarPoint {
  key: string;
  step: number;
  /** The value (`NaN` and infinities kept). */
  value: number;
  /** Epoch ms when the line was captured. */
  time: number;
}

/** What a series of one key amounts to (`gage show --scalars`). */
export interface ScalarSeriesSummary {
  key: string;
  last: number;
  /** Smallest and largest value, NaN left out (NaN when every value is NaN). */
  min: number;
  max: number;
  count: number;
  lastStep: number;
}

const LINE = /^\{"k":("(?:[^"\\]|\\.)*"),"s":(-?\d+),"v":([^,]+),"t":(\d+)\}$/;

/**
 * One line of the meta file `scalars` as a point; `undefined` for a line
 * that is not one (a torn last line of a run still writing).
 *
 * @example
 * ```ts
 * parseScalarLine('{"k":"loss","s":3,"v":0.25,"t":1733580000000}'); // { key: 'loss', step: 3, value: 0.25, time: 1733580000000 }
 * ```
 */
export function parseScalarLine(line: string): ScalarPoint | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const v = m[3] as string;
  const value = scalarValue(v);
  if (Number.isNaN(value) && v !== 'NaN') return undefined;
  return { key: JSON.parse(m[1] as string) as string, step: Number(m[2]), value, time: Number(m[4]) };
}

/**
 * Streams the points of a run's meta `scalars` in file order (decision 20),
 * line by line: memory stays small for millions of points. A run without
 * scalars yields nothing.
 *
 * @example
 * ```ts
 * for await (const p of iterRunScalars(run)) if (p.key === 'loss') plot(p.step, p.value);
 * ```
 */
export async function* iterRunScalars(run: Run): AsyncGenerator<ScalarPoint> {
  const stream = createReadStream(runMetaPath(run, 'scalars'), { encoding: 'utf8', highWaterMark: 256 * 1024 });
  const opened = await new Promise<boolean>((resolve) => {
    stream.once('open', () => resolve(true));
    stream.once('error', () => resolve(false));
  });
  if (!opened) return;
  // Loaded here: Node 20 compiles `node:readline` on first import, and `gage run` (which imports this module) never reads lines.
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const point = parseScalarLine(line);
      if (point) yield point;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

/**
 * Every point of a run's meta `scalars`, read at once (for a chart of a
 * finished run; see {@link iterRunScalars} for large files). `[]` without
 * scalars.
 *
 * @example
 * ```ts
 * const loss = readRunScalarsSync(run).filter((p) => p.key === 'loss');
 * ```
 */
export function readRunScalarsSync(run: Run): ScalarPoint[] {
  let text: string;
  try {
    text = readFileSync(runMetaPath(run, 'scalars'), 'utf8');
  } catch {
    return [];
  }
  const points: ScalarPoint[] = [];
  for (const line of text.split('\n')) {
    const point = parseScalarLine(line);
    if (point) points.push(point);
  }
  return points;
}

/**
 * Summarizes points by key, keys in order of first appearance: last value
 * and step, min, max (NaN left out), count.
 *
 * @example
 * ```ts
 * await summarizeScalars(iterRunScalars(run)); // [{ key: 'loss', last: 0.1, min: 0.1, max: 0.9, count: 10, lastStep: 9 }]
 * ```
 */
export async function summarizeScalars(points: Iterable<ScalarPoint> | AsyncIterable<ScalarPoint>): Promise<ScalarSeriesSummary[]> {
  const byKey = new Map<string, ScalarSeriesSummary>();
  for await (const p of points) {
    const s = byKey.get(p.key);
    if (s === undefined) {
      byKey.set(p.key, { key: p.key, last: p.value, min: p.value, max: p.value, count: 1, lastStep: p.step });
      continue;
    }
    s.last = p.value;
    s.lastStep = p.step;
    s.count++;
    if (!Number.isNaN(p.value)) {
      if (Number.isNaN(s.min) || p.value < s.min) s.min = p.value;
      if (Number.isNaN(s.max) || p.value > s.max) s.max = p.value;
    }
  }
  return [...byKey.values()];
}
