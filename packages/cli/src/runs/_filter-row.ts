import type { FilterRow, RunFilter } from '@gage/meta';
import { entryLabel, entryStartedSync, entryStatus, entryStoppedSync, entrySummary, objectOf, readConfig } from './_run-parts.js';
import type { RunEntry } from './run-list.js';

const STATUS_NAMES = new Set(['status', 'attr:status', 'time']);
const LABEL_NAMES = new Set(['label', 'attr:label']);
const TIME_NAMES = new Set(['started', 'stopped', 'time', 'attr:started', 'attr:stopped', 'attr:time']);

/**
 * True when `filter` names a time (`started`, `stopped`, `time`, with or
 * without `attr:`), so the runs' `started` and `stopped` are read.
 *
 * @example
 * ```ts
 * filterNamesTimes(parseRunFilter('time > 60')); // true
 * filterNamesTimes(parseRunFilter('lr > 0.1')); // false
 * ```
 */
export function filterNamesTimes(filter: RunFilter): boolean {
  for (const name of filter.names) if (TIME_NAMES.has(name)) return true;
  return false;
}

/**
 * What `filter` sees of a run (decision 21): the parts it names are read, as
 * `gage list` would read them for its rows (and kept for them); a bare name
 * may be a config key, a metric or a summary attribute, so those are read
 * whenever the expression has one.
 */
export async function filterRow(entry: RunEntry, filter: RunFilter): Promise<FilterRow> {
  const names = [...filter.names];
  const has = (set: ReadonlySet<string>) => names.some((n) => set.has(n));
  const bare = names.some((n) => !n.includes(':'));
  const prefixed = (p: string) => names.some((n) => n.startsWith(`${p}:`));
  const summary = bare || prefixed('metric') || prefixed('attr') ? entrySummary(entry) : {};
  // A bare name that is no run attribute is a config key, metric or summary attribute: times only for the names of times.
  const times = filterNamesTimes(filter);
  const started = times ? entryStartedSync(entry) : undefined;
  const stopped = times ? entryStoppedSync(entry) : undefined;
  return {
    id: entry.run.id,
    name: entry.run.name,
    operation: entry.opref?.name ?? null,
    status: has(STATUS_NAMES) || bare ? await entryStatus(entry) : null,
    label: has(LABEL_NAMES) || bare ? ((await entryLabel(entry)) ?? null) : null,
    // Timestamps are µs; the filter counts ms.
    started: started === undefined ? undefined : started / 1000,
    stopped: stopped === undefined ? undefined : stopped / 1000,
    config: bare || prefixed('config') ? readConfig(entry) : {},
    metrics: objectOf(summary['metrics']),
    attributes: objectOf(summary['attributes']),
  };
}
