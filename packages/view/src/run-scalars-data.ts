import { iterRunScalars } from '@gage/proc';
import type { Run } from '@gage/types';
import type { ScalarSeries } from './route-types.js';

/**
 * The run's scalars (decision 20) by key, keys in order of first
 * appearance, each series as columns (compact JSON for charts of 100,000
 * points). Streams the file: a large `scalars` is never read at once.
 *
 * @example
 * ```ts
 * const { loss } = await runScalarSeries(run);
 * loss?.value.length; // 100
 * ```
 */
export async function runScalarSeries(run: Run): Promise<Record<string, ScalarSeries>> {
  const series: Record<string, ScalarSeries> = {};
  for await (const p of iterRunScalars(run)) {
    const s = (series[p.key] ??= { step: [], time: [], value: [] });
    s.step.push(p.step);
    s.time.push(p.time);
    s.value.push(Number.isFinite(p.value) ? p.value : null);
  }
  return series;
}
