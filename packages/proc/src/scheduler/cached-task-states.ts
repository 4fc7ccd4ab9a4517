import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SchedulerBackend, TaskState } from './scheduler-backend.js';

/** Options of {@link cachedTaskStates}. */
export interface CachedTaskStatesOptions {
  /** States younger than this (ms) are taken from the cache file; default 2000. */
  maxAgeMs?: number | undefined;
  /** The most the scheduler is waited for (ms); default 1000. */
  timeoutMs?: number | undefined;
}

/** The cache file's content. */
interface Cache {
  time: number;
  jobs: string[];
  states: Record<string, TaskState>;
}

/**
 * The states of the tasks of scheduler jobs, for a listing (docs/spec/cli.md
 * 5.23; a task not in the map has ended): from
 * `cacheFile` when every job is there and the states are younger than
 * `maxAgeMs`, else from `backend.query`, bounded by `timeoutMs`, and then
 * written to `cacheFile` (atomically; a failed write is ignored). So many
 * `gage runs` in a row ask the scheduler once, and a slow or down scheduler
 * never holds a listing for longer than the bound. Never throws.
 *
 * @returns the state of each task the scheduler knows, or `undefined` when the scheduler did not answer in time (or failed)
 * @example
 * ```ts
 * const states = await cachedTaskStates(slurmBackend(), join(runsDir, '.slurm', 'queue.json'), ['12']);
 * states?.get('12_0'); // 'pending'
 * ```
 */
export async function cachedTaskStates(
  backend: SchedulerBackend,
  cacheFile: string,
  jobIds: readonly string[],
  options: CachedTaskStatesOptions = {},
): Promise<Map<string, TaskState> | undefined> {
  const maxAgeMs = options.maxAgeMs ?? 2000;
  const cache = readCache(cacheFile);
  const now = Date.now();
  if (cache && now - cache.time >= 0 && now - cache.time < maxAgeMs && jobIds.every((id) => cache.jobs.includes(id))) {
    return new Map(Object.entries(cache.states));
  }
  let states: Map<string, TaskState>;
  try {
    states = await backend.query(jobIds, { timeoutMs: options.timeoutMs ?? 1000 });
  } catch {
    return undefined;
  }
  writeCache(cacheFile, { time: now, jobs: [...jobIds], states: Object.fromEntries(states) });
  return states;
}

function readCache(file: string): Cache | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Cache;
    return typeof value.time === 'number' && Array.isArray(value.jobs) && typeof value.states === 'object' && value.states !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, cache: Cache): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, JSON.stringify(cache));
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs the next listing a query.
  }
}
