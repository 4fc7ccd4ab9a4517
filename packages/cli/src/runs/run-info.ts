import { runAttr, runProjectDir } from '@gage/meta';
import type { Config, OpDef, RunStatus } from '@gage/types';
import { entryLabel, entryStatus, entrySummary, objectOf, quiet, readConfig, readExitCode, readOpdef } from './_run-parts.js';
import type { RunEntry } from './run-list.js';

/** Summary values of a run (`summary.json` in its meta dir). */
export interface RunSummary {
  attributes: Record<string, unknown>;
  metrics: Record<string, unknown>;
}

/** What a runs table row shows (cli.md 4). */
export interface RunRow extends RunEntry {
  status: RunStatus;
  label: string | undefined;
  /** Epoch ms. */
  started: number | undefined;
  config: Config;
  summary: RunSummary;
  opdef: OpDef | undefined;
}

/** Everything the CLI shows about a run (`show`, `--json`, `select`). */
export interface RunInfo extends RunRow {
  /** Epoch ms. */
  stopped: number | undefined;
  exitCode: number | undefined;
  projectDir: string | undefined;
}

/** Options of {@link readRunRow}. */
export interface ReadRunRowOptions {
  /**
   * Read what the description column shows (label, config, summary, op
   * def); default true. Without it those are left empty.
   */
  description?: boolean;
}

/**
 * Reads what a runs table row shows about a listed run: status and start
 * time, and, for the description column, the label, config, summary and op
 * def. Small files are read synchronously, one at a time; unreadable parts
 * are left empty so one broken run does not break a listing. Parts already
 * read for `--where` are not read again.
 *
 * @param entry the listed run
 * @param options whether the description is shown
 * @example
 * ```ts
 * const [row] = await readRunRows(entries.slice(0, 1));
 * row.status; // 'completed'
 * ```
 */
export async function readRunRow(entry: RunEntry, options: ReadRunRowOptions = {}): Promise<RunRow> {
  const status = await entryStatus(entry);
  const started = await quiet(() => runAttr(entry.run, 'started', undefined), undefined);
  const row: RunRow = {
    ...entry,
    status,
    label: undefined,
    started: typeof started === 'number' ? Math.floor(started / 1000) : undefined,
    config: {},
    summary: { attributes: {}, metrics: {} },
    opdef: undefined,
  };
  if (options.description === false) return row;
  const summary = entrySummary(entry);
  row.label = await entryLabel(entry);
  row.config = readConfig(entry);
  row.summary = { attributes: objectOf(summary.attributes), metrics: objectOf(summary.metrics) };
  row.opdef = readOpdef(entry);
  return row;
}

/**
 * Reads everything the CLI shows about a listed run: its row plus stop
 * time, exit code and project dir (read only when the runs dir listing
 * showed an `<id>.project`).
 *
 * @param entry the listed run
 * @example
 * ```ts
 * const info = await readRunInfo(selectOne(entries, '1'));
 * info.exitCode; // 0
 * ```
 */
export async function readRunInfo(entry: RunEntry): Promise<RunInfo> {
  const row = await readRunRow(entry);
  const stopped = await quiet(() => runAttr(entry.run, 'stopped', undefined), undefined);
  return {
    ...row,
    stopped: typeof stopped === 'number' ? Math.floor(stopped / 1000) : undefined,
    exitCode: readExitCode(entry),
    projectDir: entry.hasProjectRef ? await quiet(() => runProjectDir(entry.run), undefined) : undefined,
  };
}

/**
 * {@link readRunRow} of each entry, one run at a time (never more than one
 * file open), in order.
 *
 * @example
 * ```ts
 * const rows = await readRunRows(entries.slice(0, 20), { description: true });
 * ```
 */
export async function readRunRows(entries: readonly RunEntry[], options: ReadRunRowOptions = {}): Promise<RunRow[]> {
  const rows: RunRow[] = [];
  for (const entry of entries) rows.push(await readRunRow(entry, options));
  return rows;
}

/**
 * {@link readRunInfo} of each entry, one run at a time, in order.
 *
 * @example
 * ```ts
 * io.stdout.write(encodeJson((await readRunInfos(shown)).map(runJson)));
 * ```
 */
export async function readRunInfos(entries: readonly RunEntry[]): Promise<RunInfo[]> {
  const infos: RunInfo[] = [];
  for (const entry of entries) infos.push(await readRunInfo(entry));
  return infos;
}
