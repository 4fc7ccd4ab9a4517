import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export interface ChartSeries {
  label: string;
  x: number[];
  y: (number | null)[];
}

interface Props {
  title: string;
  series: ChartSeries[];
  xLabel: string;
  log: boolean;
}

/** The data of one chart: the runs' series joined on their x values (uPlot's aligned data). */
function aligned(series: ChartSeries[], log: boolean): uPlot.AlignedData {
  const tables = series.map((s) => [s.x, log ? s.y.map((v) => (v !== null && v > 0 ? v : null)) : s.y] as uPlot.AlignedData);
  if (tables.length === 0) return [[]];
  if (tables.length === 1) return tables[0] as uPlot.AlignedData;
  // Runs of one script log the same steps: then their x values are shared as they are, with no join.
  const x = series[0]?.x as number[];
  if (series.every((s) => s.x.length === x.length && s.x.every((v, i) => v === x[i]))) return [x, ...tables.map((t) => t[1])] as uPlot.AlignedData;
  return uPlot.join(tables);
}

/** One chart of one scalar key, the runs overlaid (uPlot). `data-points` tells how many points it holds. */
export function Chart({ title, series, xLabel, log }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<{ chart: uPlot; log: boolean; count: number } | undefined>(undefined);
  const drawStart = useRef(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    drawStart.current = performance.now();
    const data = aligned(series, log);
    const old = plot.current;
    if (old && old.log === log && old.count === series.length) {
      old.chart.setData(data);
      return;
    }
    old?.chart.destroy();
    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth || 600),
      height: 260,
      scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
      axes: [{ label: xLabel }, {}],
      legend: { show: true },
      // How long joining and drawing the data took, as `data-draw-ms` (bench/view.mjs).
      hooks: { draw: [(u) => u.root.parentElement?.parentElement?.setAttribute('data-draw-ms', String(Math.round(performance.now() - drawStart.current)))] },
      series: [{ label: xLabel }, ...series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true, points: { show: false } }))],
    };
    plot.current = { chart: new uPlot(opts, data, el), log, count: series.length };
  }, [series, log, xLabel]);
  useEffect(() => () => plot.current?.chart.destroy(), []);
  const points = series.reduce((n, s) => n + s.y.length, 0);
  return (
    <figure class="chart" data-testid="chart" data-key={title} data-points={points}>
      <figcaption>{title}</figcaption>
      <div ref={box} />
    </figure>
  );
}
