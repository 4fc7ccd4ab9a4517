/**
 * A relative time (docs/spec/cli.md 1.7): `now`, `a second ago`, `N minutes ago`, ...
 *
 * @param thenMs the past time (epoch ms)
 * @param nowMs the current time (epoch ms)
 * @example
 * ```ts
 * formatRelativeTime(Date.now() - 120_000, Date.now()); // '2 minutes ago'
 * ```
 */
export function formatRelativeTime(thenMs: number, nowMs: number): string {
  const s = Math.max(0, (nowMs - thenMs) / 1000);
  if (s < 1) return 'now';
  const unit = (n: number, one: string, name: string) => (n === 1 ? `${one} ${name} ago` : `${n} ${name}s ago`);
  if (s < 60) return unit(Math.floor(s), 'a', 'second');
  if (s < 3600) return unit(Math.floor(s / 60), 'a', 'minute');
  if (s < 86400) return unit(Math.floor(s / 3600), 'an', 'hour');
  const days = Math.floor(s / 86400);
  if (days < 30) return unit(days, 'a', 'day');
  const months = Math.floor(days / 30.5);
  if (months < 12) return unit(Math.max(1, months), 'a', 'month');
  return unit(Math.floor(days / 365), 'a', 'year');
}

/**
 * An absolute local time `YYYY-MM-DD HH:MM:SS` (docs/spec/cli.md 1.7).
 *
 * @example
 * ```ts
 * formatDateTime(new Date(2024, 5, 12, 14, 3, 27).getTime()); // '2024-06-12 14:03:27'
 * ```
 */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** File sizes (docs/spec/cli.md 1.7): `formatFileSize` of @gage/types, which staging's messages use too. */
export { formatFileSize as formatSize } from '@gage/types';
