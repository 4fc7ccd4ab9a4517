import { createHash } from 'node:crypto';
import { readMetaFileSync } from '@gage/meta';
import { compareCodePoints, configValueEquals, encodeJson, type ConfigValue, type JsonObject, type JsonValue } from '@gage/types';
import type { RunInfo } from '../runs/run-info.js';
import { readRunProvenanceSync } from '../runs/run-provenance.js';
import { normalizeSummaryValue } from './result-row.js';

/** One compared entry: its value in run A and in run B (absent when the run has none), and whether they differ. */
export interface DiffEntry {
  name: string;
  a?: unknown;
  b?: unknown;
  changed: boolean;
}

/** The sections of `gage diff` (decision 25), each sorted by name (attributes and provenance in a fixed order). */
export interface RunDiff {
  attributes: DiffEntry[];
  config: DiffEntry[];
  metrics: DiffEntry[];
  summaryAttributes: DiffEntry[];
  provenance: DiffEntry[];
}

/** What {@link diffRuns} compares of one run. */
export interface DiffSide {
  info: RunInfo;
  /** Provenance entries by name ({@link readProvenanceEntriesSync}). */
  provenance: Map<string, unknown>;
}

/**
 * Reads the provenance a diff compares (decision 18): `commit`, `branch`,
 * `dirty`, `remote`, `patch` (the sha256 of `provenance.patch`),
 * `interpreter` (`<command> <version>`), `lockfile:<name>` (sha256) and
 * `platform` (`<system> <release> <machine>, <runtime>`). A part recorded
 * with an error reads `error: <message>`. Empty for a run without
 * provenance.
 *
 * @example
 * ```ts
 * readProvenanceEntriesSync(run).get('commit'); // '3f2a…'
 * ```
 */
export function readProvenanceEntriesSync(info: RunInfo): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  const p = readRunProvenanceSync(info.run);
  if (!p) return entries;
  const git = obj(p['git']);
  if (git && typeof git['error'] === 'string') entries.set('git', `error: ${git['error']}`);
  else if (git) {
    entries.set('commit', git['commit'] ?? null);
    entries.set('branch', git['branch'] ?? null);
    entries.set('dirty', git['dirty'] ?? null);
    if (git['remote'] !== undefined) entries.set('remote', git['remote']);
    const patch = readPatch(info);
    if (patch !== undefined) entries.set('patch', createHash('sha256').update(patch).digest('hex'));
  }
  const interpreter = obj(p['interpreter']);
  if (interpreter) {
    entries.set('interpreter',
      typeof interpreter['error'] === 'string' ? `error: ${interpreter['error']}` : `${str(interpreter['command'])} ${str(interpreter['version'])}`.trim());
  }
  const lockfiles = obj(p['lockfiles']) ?? {};
  for (const name of Object.keys(lockfiles).sort(compareCodePoints)) {
    const d = obj(lockfiles[name]);
    entries.set(`lockfile:${name}`, typeof d?.['error'] === 'string' ? `error: ${d['error']}` : (d?.['sha256'] ?? null));
  }
  const platform = obj(p['platform']);
  if (platform) entries.set('platform', `${str(platform['system'])} ${str(platform['release'])} ${str(platform['machine'])}, ${str(platform['runtime'])}`);
  return entries;
}

/**
 * Compares two runs (decision 25): run attributes (`operation`, `status`,
 * `label`, `started`, `stopped`, `exit_code`), config (numbers by value,
 * `1 == 1.0`, as `configValueEquals`), metrics and summary attributes (by
 * their JSON: a float `1.0` differs from an integer `1`), and provenance.
 * Every entry of either run is listed, changed or not; an entry only one
 * run has is changed. Times are ISO 8601 in UTC.
 *
 * @example
 * ```ts
 * const diff = diffRuns(a, b);
 * diff.config.filter((e) => e.changed).map((e) => e.name); // ['lr']
 * ```
 */
export function diffRuns(a: DiffSide, b: DiffSide): RunDiff {
  return {
    attributes: ['operation', 'status', 'label', 'started', 'stopped', 'exit_code'].map((name) => entry(name, attrs(a.info), attrs(b.info), jsonEquals)),
    config: section(a.info.config, b.info.config, (x, y) => configValueEquals(x as ConfigValue, y as ConfigValue)),
    metrics: section(summaryOf(a.info.summary.metrics), summaryOf(b.info.summary.metrics), jsonEquals),
    summaryAttributes: section(summaryOf(a.info.summary.attributes), summaryOf(b.info.summary.attributes), jsonEquals),
    provenance: [...new Set([...a.provenance.keys(), ...b.provenance.keys()])].map((name) => entry(name, a.provenance, b.provenance, jsonEquals)),
  };
}

function attrs(info: RunInfo): Map<string, unknown> {
  const op = info.opref;
  return new Map<string, unknown>([
    ['operation', op ? `${op.ns ? `${op.ns}:` : ''}${op.name}${op.version ? ` v${op.version}` : ''}` : null],
    ['status', info.status],
    ['label', info.label ?? null],
    ['started', info.started === undefined ? null : new Date(info.started).toISOString()],
    ['stopped', info.stopped === undefined ? null : new Date(info.stopped).toISOString()],
    ['exit_code', info.exitCode === undefined ? null : BigInt(info.exitCode)],
  ]);
}

function summaryOf(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(values)) define(out, key, normalizeSummaryValue(values[key]));
  return out;
}

function section(a: Record<string, unknown>, b: Record<string, unknown>, equals: (x: unknown, y: unknown) => boolean): DiffEntry[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareCodePoints);
  const ma = new Map(Object.entries(a));
  const mb = new Map(Object.entries(b));
  return names.map((name) => entry(name, ma, mb, equals));
}

function entry(name: string, a: Map<string, unknown>, b: Map<string, unknown>, equals: (x: unknown, y: unknown) => boolean): DiffEntry {
  const e: DiffEntry = { name, changed: false };
  if (a.has(name)) e.a = a.get(name);
  if (b.has(name)) e.b = b.get(name);
  e.changed = a.has(name) !== b.has(name) || (a.has(name) && !equals(e.a, e.b));
  return e;
}

function jsonEquals(x: unknown, y: unknown): boolean {
  return encodeJson(x as JsonValue, { sortKeys: true }) === encodeJson(y as JsonValue, { sortKeys: true });
}

function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The run's `provenance.patch`; `undefined` when missing or unreadable. */
function readPatch(info: RunInfo): string | undefined {
  try {
    return readMetaFileSync(info.run, 'provenance.patch');
  } catch {
    return undefined;
  }
}

function obj(v: JsonValue | undefined): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

function str(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v : '';
}
