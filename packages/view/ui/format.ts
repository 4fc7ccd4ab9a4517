/** A cell's text: numbers short, objects as JSON, nothing as empty. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : Number(value.toPrecision(6)).toString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `2026-12-07 23:45:40` in local time. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** `12:01:02.345` in local time, for output lines. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** `1:02:03`, `2:03`, `4s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return '';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`;
  if (m > 0) return `${m}:${String(r).padStart(2, '0')}`;
  return `${r}s`;
}

/** Words that make a metric "lower is better" (as `gage compare`, decision 25). */
const LOWER = new Set(['loss', 'error', 'err', 'mse', 'mae', 'rmse', 'perplexity', 'ppl', 'wer', 'cer', 'latency', 'time']);

/** True when smaller values of the metric `name` are better. */
export function lowerIsBetter(name: string): boolean {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).some((w) => LOWER.has(w));
}

const FINISHED = new Set(['completed', 'error', 'terminated']);

/** True while a run's data may still change: any status but `completed`, `error` and `terminated` (also `unknown`: a run being made). */
export function isLive(status: string): boolean {
  return !FINISHED.has(status);
}
