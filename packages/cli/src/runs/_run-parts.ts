import { runAttrSync, runStatus, runUserAttrs } from '@gage/meta';
import { parseJson, type Config, type RunStatus } from '@gage/types';
import type { AheadText } from './_read-ahead.js';
import { readMetaSync } from './_read-meta-sync.js';
import { queuedStatus } from './_queued-status.js';
import type { RunEntry } from './run-list.js';

/** Parts of a run read once and shared by `--where` and the displayed rows. */
interface Parts {
  /** Meta files read ahead (`_read-ahead.ts`). */
  ahead?: Record<string, AheadText>;
  status?: RunStatus;
  userAttrs?: Record<string, unknown>;
  summary?: Record<string, unknown>;
}

const memo = new WeakMap<RunEntry, Parts>();

function partsOf(entry: RunEntry): Parts {
  let parts = memo.get(entry);
  if (!parts) memo.set(entry, parts = {});
  return parts;
}

/** The run's status when known without waiting (read for `where`, or decided by an exit code read ahead). */
export function statusNow(entry: RunEntry): RunStatus | undefined {
  const parts = memo.get(entry);
  if (parts?.status) return parts.status;
  const exit = parts?.ahead?.['proc/exit'];
  const code = typeof exit === 'string' ? metaInteger(exit) : undefined;
  if (code === undefined) return undefined;
  return (partsOf(entry).status = code === 0 ? 'completed' : code < 0 ? 'terminated' : 'error');
}

/** The run's label when known without waiting (its `.user` attr log read already, or there is none). */
export function labelNow(entry: RunEntry): { label: string | undefined } | undefined {
  const userAttrs = entry.hasUserAttrs ? memo.get(entry)?.userAttrs : {};
  if (userAttrs === undefined) return undefined;
  const userLabel = userAttrs.label;
  const runLabel = (entrySummary(entry).run as { label?: unknown } | undefined)?.label;
  const label = typeof userLabel === 'string' ? userLabel : typeof runLabel === 'string' ? runLabel : undefined;
  return { label: label === '' ? undefined : label };
}

/** Keeps the meta files read ahead for `entry`; they are used instead of reading again. */
export function setReadAhead(entry: RunEntry, texts: Record<string, AheadText>): void {
  partsOf(entry).ahead = texts;
}

/** A meta file of the run: read ahead, else read now; `undefined` when missing; throws when unreadable. */
function metaText(entry: RunEntry, file: string): string | undefined {
  const ahead = memo.get(entry)?.ahead?.[file];
  return ahead !== undefined ? (ahead ?? undefined) : readMetaSync(entry.run.metaDir, file);
}

/**
 * The run's `started` timestamp (epoch µs): read ahead, else `runAttrSync`
 * (which warns about an invalid one); `undefined` when missing or unreadable.
 */
export function entryStartedSync(entry: RunEntry): number | undefined {
  const ahead = memo.get(entry)?.ahead?.started;
  const known = typeof ahead === 'string' ? metaInteger(ahead) : undefined;
  if (known !== undefined || ahead === null) return known;
  return timeAttr(entry, 'started');
}

/** The run's `stopped` timestamp (epoch µs), as {@link entryStartedSync} reads `started`. */
export function entryStoppedSync(entry: RunEntry): number | undefined {
  const ahead = memo.get(entry)?.ahead?.stopped;
  const known = typeof ahead === 'string' ? metaInteger(ahead) : undefined;
  if (known !== undefined || ahead === null) return known;
  return timeAttr(entry, 'stopped');
}

/** `runAttrSync` of a timestamp; `undefined` when missing or unreadable. */
function timeAttr(entry: RunEntry, name: 'started' | 'stopped'): number | undefined {
  try {
    const value = runAttrSync(entry.run, name, undefined);
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The run's status (docs/spec/lifecycle.md 11), read once per entry (see {@link statusNow}). */
export async function entryStatus(entry: RunEntry): Promise<RunStatus> {
  const known = statusNow(entry);
  if (known !== undefined) return known;
  const status = await runStatus(entry.run);
  // A submitted run: its scheduler's queue says whether its task still waits (docs/spec/cli.md 5.23).
  return (partsOf(entry).status = status === 'queued' ? await queuedStatus(entry.run) : status);
}

/** `summary.json` as an object (`{}` when missing or invalid), read once per entry. */
export function entrySummary(entry: RunEntry): Record<string, unknown> {
  const parts = partsOf(entry);
  return (parts.summary ??= readJsonObject(entry, 'summary.json') ?? {});
}

/**
 * The run label (docs/spec/lifecycle.md 14): the user `label`, else the summary's run
 * label; an empty label counts as none. The `.user` attr log is read only
 * when the runs dir listing showed one.
 */
export async function entryLabel(entry: RunEntry): Promise<string | undefined> {
  const known = labelNow(entry);
  if (known) return known.label;
  partsOf(entry).userAttrs = await quiet(() => runUserAttrs(entry.run), {});
  return (labelNow(entry) as { label: string | undefined }).label;
}

/**
 * The run's user attributes (docs/spec/lifecycle.md 14: `label`, `batch`,
 * `batch-index`, ...; decision 22), `{}` when it has none or they cannot
 * be read; read once per entry.
 */
export async function entryUserAttrs(entry: RunEntry): Promise<Record<string, unknown>> {
  if (!entry.hasUserAttrs) return {};
  const parts = partsOf(entry);
  return (parts.userAttrs ??= await quiet(() => runUserAttrs(entry.run), {}));
}

/** `config.json` (docs/spec/lifecycle.md 5): `{}` when missing or not an object of scalars. */
export function readConfig(entry: RunEntry): Config {
  const value = readJsonObject(entry, 'config.json') ?? {};
  return Object.values(value).some((v) => typeof v === 'object' && v !== null) ? {} : (value as Config);
}

/**
 * The op's `listing.description` from `opdef.json` (docs/spec/stage.md: the fields a
 * runs list describes a run by), when it is a list; the op def is parsed
 * only when its text mentions `listing`.
 */
export function readListingDescription(entry: RunEntry): unknown[] | undefined {
  const text = quietSync(() => metaText(entry, 'opdef.json'), undefined);
  if (text === undefined || !text.includes('listing')) return undefined;
  const data = objectOf(quietSync(() => parseJson(text, { bigint: true }), undefined));
  const description = objectOf(data.listing).description;
  return Array.isArray(description) ? description : undefined;
}

/**
 * The names of the flags that set a value other than the operation's
 * default (`sys/flags.json`, written by `gage run`, decision 25), or
 * `undefined` for a run made without that record.
 */
export function readChangedFlags(entry: RunEntry): string[] | undefined {
  const text = quietSync(() => metaText(entry, 'sys/flags.json'), undefined);
  if (text === undefined) return undefined;
  const value = quietSync(() => parseJson(text), undefined);
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/** The exit code from `proc/exit`, when it holds an integer. */
export function readExitCode(entry: RunEntry): number | undefined {
  const text = quietSync(() => metaText(entry, 'proc/exit'), undefined)?.trim();
  return text && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/** The files `readRunRow` reads for the description column (what to read ahead). */
export const DESCRIPTION_FILES: readonly string[] = ['summary.json', 'config.json', 'opdef.json', 'sys/flags.json'];

/** `value` when it is a plain object, else `{}`. */
export function objectOf(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** The result of `read`, or `fallback` when it throws: one broken run must not break a listing. */
export async function quiet<T, D>(read: () => T | Promise<T>, fallback: D): Promise<T | D> {
  try {
    return await read();
  } catch {
    return fallback;
  }
}

/** A meta JSON file holding an object (integers as `bigint`); `undefined` when missing, unreadable or not an object. */
function readJsonObject(entry: RunEntry, file: string): Record<string, unknown> | undefined {
  const text = quietSync(() => metaText(entry, file), undefined);
  if (text === undefined) return undefined;
  const value = quietSync(() => parseJson(text, { bigint: true }), undefined);
  return isObject(value) ? value : undefined;
}

/** A scalar meta file's integer, as `@gage/meta` reads it (trailing whitespace stripped, safe integers only). */
function metaInteger(text: string): number | undefined {
  const s = text.trimEnd();
  const n = /^-?\d+$/.test(s) ? Number(s) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function quietSync<T, D>(read: () => T, fallback: D): T | D {
  try {
    return read();
  } catch {
    return fallback;
  }
}
