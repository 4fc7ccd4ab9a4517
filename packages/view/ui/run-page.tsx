import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchDetail, fetchFiles, fetchOutput, fileUrl, isExport } from './api.js';
import { formatClock, formatTime, formatValue, isLive } from './format.js';
import { usePoll } from './poll.js';
import { href, type Route } from './route.js';
import type { FileEntry, RunDetail } from './types.js';

/** How often a running run's output is asked for: a new line shows within half a second. */
const OUTPUT_POLL_MS = 200;

function Fields({ value }: { value: Record<string, unknown> | null | undefined }) {
  if (!value || Object.keys(value).length === 0) return <div class="muted">None</div>;
  return (
    <table class="fields">
      <tbody>
        {Object.entries(value).map(([k, v]) => (
          <tr key={k}><th>{k}</th><td>{typeof v === 'object' && v !== null ? <pre>{JSON.stringify(v, null, 2)}</pre> : formatValue(v)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function Overview({ d }: { d: RunDetail }) {
  const attrs = { ...d.attributes };
  for (const k of ['staged', 'started', 'stopped']) if (typeof attrs[k] === 'number') attrs[k] = formatTime(attrs[k] as number);
  return (
    <div class="overview">
      <section><h2>Attributes</h2><Fields value={{ operation: d.opref, status: d.status, ...attrs, ...d.userAttrs }} /></section>
      <section><h2>Config</h2><Fields value={d.config} /></section>
      <section><h2>Summary</h2><Fields value={d.summary} /></section>
      <section><h2>Provenance</h2><Fields value={d.provenance} /></section>
      <section>
        <h2>Comments</h2>
        {d.comments.length === 0 ? <div class="muted">None</div> : d.comments.map((c) => (
          <div class="comment" key={c.id}><div class="sub">{c.author} · {formatTime(c.timestamp)}</div><div>{c.msg}</div></div>
        ))}
      </section>
    </div>
  );
}

function Files({ id }: { id: string }) {
  const [files, setFiles] = useState<{ files: FileEntry[]; truncated: boolean } | undefined>(undefined);
  usePoll(() => fetchFiles(id), (r) => {
    if (!(r instanceof Error)) setFiles(r);
    return undefined;
  }, [id]);
  if (!files) return <div>Loading…</div>;
  return (
    <table class="files" data-testid="files">
      <thead><tr><th>path</th><th>size</th><th>modified</th></tr></thead>
      <tbody>
        {files.files.map((f) => {
          const url = f.size === null ? undefined : fileUrl(id, f.path);
          return (
            <tr key={f.path}>
              <td>{url ? <a href={url} download>{f.path}</a> : f.path}{f.type === 'link' ? ' →' : ''}</td>
              <td class="num">{f.size ?? ''}</td>
              <td>{formatTime(f.mtime)}</td>
            </tr>
          );
        })}
        {files.truncated && <tr><td colSpan={3} class="muted">Only the first 10,000 files are listed</td></tr>}
      </tbody>
    </table>
  );
}

function Output({ id }: { id: string }) {
  const [lines, setLines] = useState<[number, number, string][]>([]);
  const [status, setStatus] = useState('');
  const next = useRef(0);
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  useEffect(() => {
    next.current = 0;
    setLines([]);
  }, [id]);
  usePoll(() => fetchOutput(id, next.current), (r) => {
    if (r instanceof Error) return isExport() ? undefined : 2000;
    setStatus(r.status);
    if (r.lines.length > 0) {
      next.current = r.next;
      setLines((old) => old.concat(r.lines));
      return 0; // more may be waiting
    }
    return !isExport() && isLive(r.status) ? OUTPUT_POLL_MS : undefined;
  }, [id]);
  useEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <div>
      <div class="sub" data-testid="output-status">{isLive(status) ? 'Following output…' : `${lines.length} lines`}</div>
      <div class="output" ref={box} data-testid="output" onScroll={(e) => {
        const el = e.target as HTMLElement;
        follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
      }}>
        {lines.map(([t, s, text], i) => (
          <div key={i} class={s === 1 ? 'line stderr' : 'line'}><span class="ts">{formatClock(t)}</span><span class="text">{text}</span></div>
        ))}
      </div>
    </div>
  );
}

const TABS = ['overview', 'files', 'output'] as const;

/** A run: attributes, config, provenance, summary, comments; its files (download); its output, followed live. */
export function RunPage({ route }: { route: Route }) {
  const tab = TABS.find((t) => t === route.params.get('tab')) ?? 'overview';
  const [detail, setDetail] = useState<RunDetail | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  usePoll(() => fetchDetail(route.id), (r) => {
    if (r instanceof Error) {
      setError(r.message);
      return undefined;
    }
    setDetail(r);
    return !isExport() && isLive(r.status) ? 2000 : undefined;
  }, [route.id]);
  if (error) return <div class="page"><div class="error" role="alert">{error}</div></div>;
  if (!detail) return <div class="page">Loading…</div>;
  return (
    <div class="page">
      <div class="toolbar">
        <a href={href('runs')}>← Runs</a>
        <h1><span class="mono">{detail.id.slice(0, 8)}</span> {detail.opref ?? ''} <span class={`status status-${detail.status}`}>{detail.status}</span></h1>
        <a class="button" href={href('charts', { runs: detail.id })}>Charts</a>
      </div>
      <nav class="tabs">
        {TABS.map((t) => <a key={t} class={t === tab ? 'active' : ''} href={href(`run/${detail.id}`, { tab: t === 'overview' ? undefined : t })}>{t}</a>)}
      </nav>
      {tab === 'overview' && <Overview d={detail} />}
      {tab === 'files' && <Files id={detail.id} />}
      {tab === 'output' && <Output id={detail.id} />}
    </div>
  );
}
