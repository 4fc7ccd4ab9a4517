import { useState } from 'preact/hooks';
import { fetchDetail, isExport } from './api.js';
import { formatValue, isLive, lowerIsBetter } from './format.js';
import { usePoll } from './poll.js';
import { href, type Route } from './route.js';
import type { RunDetail } from './types.js';

/** A summary value with `{value, label?}` flattened to its value. */
function plain(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
}

function metricsOf(d: RunDetail): Record<string, unknown> {
  const m = d.summary?.['metrics'];
  const out: Record<string, unknown> = {};
  if (m && typeof m === 'object') for (const [k, v] of Object.entries(m)) out[k] = plain(v);
  return out;
}

/** The indexes of the best numbers of a metric row (every tie); none when fewer than two numbers or all equal. */
function bestOf(name: string, values: unknown[]): Set<number> {
  const nums = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
  const present = nums.filter((v): v is number => v !== undefined);
  if (present.length < 2 || present.every((v) => v === present[0])) return new Set();
  const best = lowerIsBetter(name) ? Math.min(...present) : Math.max(...present);
  return new Set(nums.flatMap((v, i) => (v === best ? [i] : [])));
}

/** The selected runs side by side: the flags that differ (all with "show all"), the metrics with the best of each highlighted. */
export function ComparePage({ route }: { route: Route }) {
  const ids = (route.params.get('runs') ?? '').split(',').filter(Boolean);
  const [details, setDetails] = useState<RunDetail[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [all, setAll] = useState(false);
  usePoll(() => Promise.all(ids.map(fetchDetail)), (result) => {
    if (result instanceof Error) {
      setError(result.message);
      return undefined;
    }
    setDetails(result);
    return !isExport() && result.some((d) => isLive(d.status)) ? 2000 : undefined;
  }, [ids.join(',')]);
  if (error) return <div class="page"><div class="error" role="alert">{error}</div></div>;
  if (!details) return <div class="page">Loading…</div>;
  const flagKeys = [...new Set(details.flatMap((d) => Object.keys(d.config)))].sort();
  const differs = (k: string) => new Set(details.map((d) => JSON.stringify(d.config[k]))).size > 1;
  const shownFlags = flagKeys.filter((k) => all || differs(k));
  const metrics = details.map(metricsOf);
  const metricKeys = [...new Set(metrics.flatMap((m) => Object.keys(m)))].sort();
  return (
    <div class="page">
      <div class="toolbar">
        <a href={href('runs', { sel: ids.join(',') })}>← Runs</a>
        <a class="button" href={href('charts', { runs: ids.join(',') })}>Charts</a>
        <label><input type="checkbox" checked={all} onChange={() => setAll(!all)} /> Show all flags</label>
      </div>
      <table class="compare" data-testid="compare-table">
        <thead>
          <tr>
            <th />
            {details.map((d) => <th key={d.id}><a href={href(`run/${d.id}`)} class="mono">{d.id.slice(0, 8)}</a><div class="sub">{d.name}</div></th>)}
          </tr>
        </thead>
        <tbody>
          <tr><th>operation</th>{details.map((d) => <td key={d.id}>{d.opref ?? ''}</td>)}</tr>
          <tr><th>status</th>{details.map((d) => <td key={d.id}><span class={`status status-${d.status}`}>{d.status}</span></td>)}</tr>
          <tr class="section"><th colSpan={details.length + 1}>Flags{all ? '' : ' that differ'}</th></tr>
          {shownFlags.map((k) => (
            <tr key={k} data-flag={k} class={differs(k) ? 'differs' : ''}>
              <th>{k}</th>
              {details.map((d) => <td key={d.id}>{formatValue(d.config[k])}</td>)}
            </tr>
          ))}
          {shownFlags.length === 0 && <tr><td colSpan={details.length + 1} class="muted">No flags differ</td></tr>}
          <tr class="section"><th colSpan={details.length + 1}>Metrics</th></tr>
          {metricKeys.map((k) => {
            const values = metrics.map((m) => m[k]);
            const best = bestOf(k, values);
            return (
              <tr key={k} data-metric={k}>
                <th>{k}</th>
                {values.map((v, i) => <td key={details[i]?.id} class={best.has(i) ? 'best' : ''}>{formatValue(v)}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
