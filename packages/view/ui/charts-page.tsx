import { useMemo, useState } from 'preact/hooks';
import { fetchScalars, isExport } from './api.js';
import { Chart, type ChartSeries } from './chart.js';
import { isLive } from './format.js';
import { usePoll } from './poll.js';
import { href, replaceHash, type Route } from './route.js';
import type { ScalarsResponse } from './types.js';

/** Exponential moving average, debiased (as TensorBoard's smoothing): `w` 0 is none. */
function smooth(values: (number | null)[], w: number): (number | null)[] {
  if (w <= 0) return values;
  let last = 0;
  let n = 0;
  return values.map((v) => {
    if (v === null) return null;
    last = last * w + (1 - w) * v;
    n++;
    return last / (1 - w ** n);
  });
}

/** One chart per scalar key of the selected runs, runs overlaid; x = step or time; smoothing; log scale; live while runs run. */
export function ChartsPage({ route }: { route: Route }) {
  const ids = (route.params.get('runs') ?? '').split(',').filter(Boolean);
  const x = route.params.get('x') === 'time' ? 'time' : 'step';
  const smoothing = Math.min(0.99, Math.max(0, Number(route.params.get('smooth') ?? '0') || 0));
  const log = route.params.get('log') === '1';
  const [scalars, setScalars] = useState<ScalarsResponse[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  usePoll(() => Promise.all(ids.map(fetchScalars)), (result) => {
    if (result instanceof Error) {
      setError(result.message);
      return undefined;
    }
    setError(undefined);
    setScalars(result);
    return !isExport() && result.some((s) => isLive(s.status)) ? 1000 : undefined;
  }, [ids.join(',')]);
  const update = (changes: Record<string, string | undefined>) =>
    replaceHash(href('charts', { runs: ids.join(','), x: x === 'time' ? 'time' : undefined, smooth: smoothing ? String(smoothing) : undefined,
      log: log ? '1' : undefined, ...changes }));
  const charts = useMemo(() => {
    if (!scalars) return [];
    const keys: string[] = [];
    for (const s of scalars) for (const k of Object.keys(s.series)) if (!keys.includes(k)) keys.push(k);
    return keys.map((key) => {
      const series: ChartSeries[] = [];
      scalars.forEach((s, i) => {
        const data = s.series[key];
        if (!data) return;
        const t0 = Math.min(...Object.values(s.series).map((d) => d.time[0] ?? Infinity));
        series.push({
          label: (ids[i] ?? '').slice(0, 8),
          x: x === 'step' ? data.step : data.time.map((t) => (t - t0) / 1000),
          y: smooth(data.value, smoothing),
        });
      });
      return { key, series };
    });
  }, [scalars, x, smoothing]);
  return (
    <div class="page">
      <div class="toolbar">
        <a href={href('runs', { sel: ids.join(',') })}>← Runs</a>
        <label>x <select value={x} onChange={(e) => update({ x: (e.target as HTMLSelectElement).value === 'time' ? 'time' : undefined })}>
          <option value="step">step</option>
          <option value="time">time (s)</option>
        </select></label>
        <label>smoothing <input type="range" min="0" max="0.99" step="0.01" value={smoothing}
          onInput={(e) => update({ smooth: (e.target as HTMLInputElement).value === '0' ? undefined : (e.target as HTMLInputElement).value })} />
          {' '}{smoothing.toFixed(2)}</label>
        <label><input type="checkbox" checked={log} onChange={() => update({ log: log ? undefined : '1' })} /> log scale</label>
      </div>
      {error && <div class="error" role="alert">{error}</div>}
      {!scalars && !error && <div>Loading…</div>}
      {scalars && charts.length === 0 && <div class="muted">No scalars in these runs</div>}
      <div class="charts">
        {charts.map((c) => <Chart key={c.key} title={c.key} series={c.series} xLabel={x === 'step' ? 'step' : 'seconds'} log={log} />)}
      </div>
    </div>
  );
}
