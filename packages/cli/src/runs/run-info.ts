import { runAttrSync, runProjectDir } from '@gage/meta';
import type { Config, RunStatus } from '@gage/types';
import { entryLabel, entryStartedSync, entryStatus, entrySummary, entryUserAttrs, labelNow, objectOf, quiet, readConfig, readExitCode, readListingDescription,
  statusNow, readChangedFlags } from './_run-parts.js';
import type { RunEntry } from './run-list.js';

/** Summary values of a run (`summary.json` in its meta dir). */
interface RunSummary {
  attributes: Record<string, unknown>;
  metrics: Record<string, unknown>;
}

/** What a runs table row shows (docs/spec/cli.md 4). */
export interface RunRow extends RunEntry {
  status: RunStatus;
  label: string | undefined;
  /** Epoch ms. */
  started: number | undefined;
  config: Config;
  summary: RunSummary;
  /** The flags that changed a default (`sys/flags.json`), when the run has that record. */
  changedFlags: string[] | undefined;
  /** The op's `listing.description` (the fields of the description), when its op def has one. */
  listing: unknown[] | undefined;
}

/** Everything the CLI shows about a run (`show`, `--json`, `select`). */
export interface RunInfo extends RunRow {
  /** Epoch ms. */
  stopped: number | undefined;
  exitCode: number | undefined;
  projectDir: string | undefined;
  /** The user attributes (`label`, `batch`, `batch-index`, ...; decision 22). */
  userAttrs: Record<string, unknown>;
}

/** Options of {@link readRunRows}. */
export interface ReadRunRowOptions {
  /**
   * Read what the description column shows (label, config, summary, the
   * op's `listing`); default true. Without it those are left empty.
   */
  description?: boolean;
}

/**
 * Reads what runs table rows show about listed runs: status and start
 * time, and, for the description column, the label, config, summary and the
 * op's `listing.description`. Small files are read synchronously, one at a
 * time (or were read ahead while listing); unreadable parts are left empty
 * so one broken run does not break a listing. Parts already read for
 * `--where` are not read again.
 *
 * @param entries the listed runs to show
 * @param options whether the description is shown
 * @example
 * ```ts
 * const rows = await readRunRows(entries.slice(0, 20));
 * rows[0]?.status; // 'completed'
 * ```
 */
export async function readRunRows(entries: readonly RunEntry[], options: ReadRunRowOptions = {}): Promise<RunRow[]> {
  const description = options.description !== false;
  // The few parts that need waiting first (most are known already), then every row synchronously.
  for (const entry of entries) {
    if (statusNow(entry) === undefined) await entryStatus(entry);
    if (description && labelNow(entry) === undefined) await entryLabel(entry);
  }
  const started = entries.map(entryStartedSync);
  return entries.map((entry, i): RunRow => {
    const ms = started[i];
    // A literal, not `{ ...entry, ... }`: spreading then adding keys makes slow dictionary objects (80 ms per 10,000 rows).
    const row: RunRow = {
      run: entry.run,
      index: entry.index,
      opref: entry.opref,
      hasUserAttrs: entry.hasUserAttrs,
      hasProjectRef: entry.hasProjectRef,
      status: statusNow(entry) as RunStatus,
      label: description ? labelNow(entry)?.label : undefined,
      started: typeof ms === 'number' ? Math.floor(ms / 1000) : undefined,
      config: {},
      summary: { attributes: {}, metrics: {} },
      listing: undefined,
      changedFlags: undefined,
    };
    if (description) {
      const summary = entrySummary(entry);
      row.config = readConfig(entry);
      row.summary = { attributes: objectOf(summary.attributes), metrics: objectOf(summary.metrics) };
      row.listing = readListingDescription(entry);
      row.changedFlags = readChangedFlags(entry);
    }
    return row;
  });
}

/**
 * Reads everything the CLI shows about listed runs: their rows plus stop
 * time, exit code and project dir (read only when the runs dir listing
 * showed an `<id>.project`).
 *
 * @param entries the listed runs
 * @example
 * ```ts
 * io.stdout.write(encodeJson((await readRunInfos(shown)).map(runJson)));
 * ```
 */
export async function readRunInfos(entries: readonly RunEntry[]): Promise<RunInfo[]> {
  const rows = await readRunRows(entries);
  const infos: RunInfo[] = [];
  for (const [i, row] of rows.entries()) {
    const stopped = stoppedOf(row.run);
    infos.push({
      run: row.run,
      index: row.index,
      opref: row.opref,
      hasUserAttrs: row.hasUserAttrs,
      hasProjectRef: row.hasProjectRef,
      status: row.status,
      label: row.label,
      started: row.started,
      config: row.config,
      summary: row.summary,
      listing: row.listing,
      changedFlags: row.changedFlags,
      stopped: typeof stopped === 'number' ? Math.floor(stopped / 1000) : undefined,
      exitCode: readExitCode(row),
      projectDir: row.hasProjectRef ? await quiet(() => runProjectDir(row.run), undefined) : undefined,
      userAttrs: await entryUserAttrs(entries[i] as RunEntry),
    });
  }
  return infos;
}

/**
 * {@link readRunInfos} of one run.
 *
 * @param entry the listed run
 * @example
 * ```ts
 * const info = await readRunInfo(selectOne(entries, '1'));
 * info.exitCode; // 0
 * ```
 */
export async function readRunInfo(entry: RunEntry): Promise<RunInfo> {
  return (await readRunInfos([entry]))[0] as RunInfo;
}

/** The run's `stopped` (epoch µs); `undefined` when missing or unreadable. */
function stoppedOf(run: RunEntry['run']): number | undefined {
  try {
    const value = runAttrSync(run, 'stopped', undefined);
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}
