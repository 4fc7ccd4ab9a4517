import { useMemo, useRef, useState } from 'preact/hooks';
import { fetchRuns, isExport } from './api.js';
import { formatDuration, formatTime, formatValue, isLive } from './format.js';
import { usePoll } from './poll.js';
import { href, replaceHash, type Route } from './route.js';
import { FIRST_ROWS, type RunRow, type RunRowsPage } from './types.js';

/** Row height in px: the table renders only the rows in view (virtualized, for 10,000 runs and more). */
const ROW_H = 28;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 20;

interface Column {
  key: string;
  title: string;
  value(row: RunRow): unknown;
  render?(row: RunRow): preact.ComponentChildren;
}

const BASE_COLUMNS: Column[] = [
  { key: 'id', title: 'id', value: (r) => r.id, render: (r) => <a href={href(`run/${r.id}`)} class="mono">{r.id.slice(0, 8)}</a> },
  { key: 'operation', title: 'operation', value: (r) => r.operation },
  { key: 'started', title: 'started', value: (r) => r.started, render: (r) => formatTime(r.started) },
  { key: 'time', title: 'time', value: (r) => (r.started === null ? null : (r.stopped ?? Date.now()) - r.started),
    render: (r) => formatDuration(r.started === null ? null : (r.stopped ?? Date.now()) - r.started) },
  { key: 'status', title: 'status', value: (r) => r.status, render: (r) => <span class={`status status-${r.status}`}>{r.status}</span> },
  { key: 'label', title: 'label', value: (r) => r.label },
];

/** Resolves after the next paint (a frame, then a task after it). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The config keys whose values differ between the rows (flags that vary), then every metric key. */
function dataColumns(rows: RunRow[]): Column[] {
  const configValues = new Map<string, Set<string>>();
  const metricKeys = new Set<string>();
  for (const r of rows) {
    for (const [k, v] of Object.entries(r.config)) {
      let set = configValues.get(k);
      if (!set) configValues.set(k, set = new Set());
      set.add(JSON.stringify(v));
    }
    for (const k of Object.keys(r.metrics)) metricKeys.add(k);
  }
  const cols: Column[] = [];
  for (const [k, values] of configValues) {
    const everywhere = rows.every((r) => k in r.config);
    if (values.size > 1 || (!everywhere && rows.length > 1)) cols.push({ key: `config:${k}`, title: k, value: (r) => r.config[k] });
  }
  for (const k of metricKeys) cols.push({ key: `metric:${k}`, title: k, value: (r) => r.metrics[k] });
  return cols;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** The runs table: sort (click a header), filter (the filter language), select for compare and charts, live status. */
export function RunsPage({ route }: { route: Route }) {
  const where = route.params.get('where') ?? '';
  const sort = route.params.get('sort') ?? '-started';
  const selected = useMemo(() => new Set((route.params.get('sel') ?? '').split(',').filter(Boolean)), [route.params.get('sel')]);
  const [page, setPage] = useState<RunRowsPage | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState(where);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(800);
  // The first request of the page asks for the first screenful only (a fresh server sends it before it has
  // read every run); when that is not every run, the whole listing is asked for at once.
  const askedFirst = useRef(false);
  const complete = useRef(false);

  usePoll(async () => {
    const limit = askedFirst.current || where.trim() ? undefined : FIRST_ROWS;
    // The rest is asked for once the first rows are painted: the server's listing then takes CPU from no one.
    if (askedFirst.current && !complete.current) await afterPaint();
    askedFirst.current = true;
    return fetchRuns(where, limit);
  }, (result) => {
    if (result instanceof Error) {
      setError(result.message);
      return isExport() ? undefined : 5000;
    }
    setError(undefined);
    setPage(result);
    complete.current = result.complete;
    if (!result.complete) return 0;
    if (isExport()) return undefined;
    return result.runs.some((r) => isLive(r.status)) ? 1000 : 5000;
  }, [where]);

  const rows = page?.runs;
  const whole = page?.complete ?? false;
  const columns = useMemo(() => [...BASE_COLUMNS, ...dataColumns(rows ?? [])], [rows]);
  const sorted = useMemo(() => {
    const desc = sort.startsWith('-');
    const col = columns.find((c) => c.key === sort.replace(/^-/, ''));
    if (!rows || !col) return rows ?? [];
    // The first rows are the newest: in another order they would not be the first ones, so that waits for the rest.
    if (!whole) return sort === '-started' ? rows : [];
    return [...rows].sort((a, b) => (desc ? -1 : 1) * compareValues(col.value(a), col.value(b)));
  }, [rows, whole, sort, columns]);
  /** The table's height in rows: every run, also those still loading. */
  const height = page ? (whole ? sorted.length : page.total) : 0;

  const update = (changes: Record<string, string | undefined>) => {
    const params: Record<string, string | undefined> = { where, sort: sort === '-started' ? undefined : sort, sel: [...selected].join(',') };
    replaceHash(href('runs', { ...params, ...changes }));
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update({ sel: [...next].join(',') });
  };
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const shown = sorted.slice(first, Math.ceil((scrollTop + viewHeight) / ROW_H) + OVERSCAN);
  /** Rows below the shown ones, also those not loaded yet, as one spacer (so the scroll bar is the whole table's). */
  const below = height - first - shown.length;
  const count = !page ? 'Loading…' : whole ? `${page.total} runs` : `${page.total} runs, loading…`;
  const sel = [...selected].join(',');

  return (
    <div class="page">
      <form class="toolbar" onSubmit={(e) => {
        e.preventDefault();
        update({ where: draft });
      }}>
        <input class="filter" name="where" placeholder={isExport() ? 'Search' : 'Filter, e.g. status == completed and lr > 0.01'} value={draft}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit">Filter</button>
        <span class="count" data-testid="run-count" data-complete={whole ? 'true' : 'false'}>{count}</span>
        <span class="spacer" />
        <span>{selected.size} selected</span>
        <a class={`button ${selected.size < 2 ? 'disabled' : ''}`} href={href('compare', { runs: sel })} data-testid="compare-link">Compare</a>
        <a class={`button ${selected.size < 1 ? 'disabled' : ''}`} href={href('charts', { runs: sel })} data-testid="charts-link">Charts</a>
      </form>
      {error && <div class="error" role="alert">{error}</div>}
      <div class="table-view" data-testid="runs-table" ref={(el) => {
        if (el && el.clientHeight && el.clientHeight !== viewHeight) setViewHeight(el.clientHeight);
      }} onScroll={(e) => setScrollTop((e.target as HTMLElement).scrollTop)}>
        <table class="runs">
          <thead>
            <tr>
              <th class="check" />
              {columns.map((c) => (
                <th key={c.key} class={c.key.startsWith('metric:') ? 'metric' : c.key.startsWith('config:') ? 'flag' : ''}
                  onClick={() => update({ sort: sort === `-${c.key}` ? c.key : `-${c.key}` })} title={c.key}>
                  {c.title}
                  {sort === c.key ? ' ▲' : sort === `-${c.key}` ? ' ▼' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr class="spacer-row" style={{ height: `${first * ROW_H}px` }} />}
            {shown.map((r) => (
              <tr key={r.id} data-run-id={r.id} class={selected.has(r.id) ? 'selected' : ''}>
                <td class="check">
                  <input type="checkbox" aria-label={`Select ${r.id}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                </td>
                {columns.map((c) => <td key={c.key}>{c.render ? c.render(r) : formatValue(c.value(r))}</td>)}
              </tr>
            ))}
            {below > 0 && <tr class="spacer-row" style={{ height: `${below * ROW_H}px` }} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
