import { readMetaFile, readRunConfig, readRunOpdef, runProjectDir, runStatus, runTimestamp, runUserAttrs } from '@gage/meta';
import { parseJson, type Config, type OpDef, type OpRef, type Run, type RunStatus } from '@gage/types';

/** Summary values of a run (`summary.json` in its meta dir). */
export interface RunSummary {
  attributes: Record<string, unknown>;
  metrics: Record<string, unknown>;
}

/** Everything the CLI shows about a run, read once. */
export interface RunInfo {
  run: Run;
  /** Position in the list the run was selected from (1 = newest). */
  index: number;
  opref: OpRef | undefined;
  status: RunStatus;
  label: string | undefined;
  /** Epoch ms. */
  started: number | undefined;
  stopped: number | undefined;
  exitCode: number | undefined;
  config: Config;
  summary: RunSummary;
  projectDir: string | undefined;
  opdef: OpDef | undefined;
}

/**
 * Reads what lists, `show` and `select` display about `run`. Unreadable parts
 * are left empty so one broken run does not break a listing.
 *
 * @param run the run
 * @param index its position in the list (1-based)
 * @example
 * ```ts
 * const info = await readRunInfo(run, 1);
 * info.status; // 'completed'
 * ```
 */
export async function readRunInfo(run: Run, index: number): Promise<RunInfo> {
  const [status, userAttrs, summary, config, opdef, projectDir, exit, started, stopped] = await Promise.all([
    runStatus(run),
    quiet(() => runUserAttrs(run), {} as Record<string, unknown>),
    readSummary(run),
    quiet(() => readRunConfig(run), {} as Config),
    quiet(() => readRunOpdef(run), undefined),
    quiet(() => runProjectDir(run), undefined),
    quiet(() => readMetaFile(run, 'proc/exit'), undefined),
    quiet(() => runTimestamp(run, 'started'), undefined),
    quiet(() => runTimestamp(run, 'stopped'), undefined),
  ]);
  const userLabel = (userAttrs as Record<string, unknown>).label;
  const runLabel = (summary.run as { label?: unknown } | undefined)?.label;
  const label = typeof userLabel === 'string' ? userLabel : typeof runLabel === 'string' ? runLabel : undefined;
  const exitText = exit?.trim();
  return {
    run,
    index,
    opref: run.opref,
    status,
    label: label === '' ? undefined : label,
    started: toMs(started),
    stopped: toMs(stopped),
    exitCode: exitText && /^-?\d+$/.test(exitText) ? Number(exitText) : undefined,
    config: config ?? {},
    summary: { attributes: objectOf(summary.attributes), metrics: objectOf(summary.metrics) },
    projectDir: projectDir ?? undefined,
    opdef: opdef ?? undefined,
  };
}

async function readSummary(run: Run): Promise<Record<string, unknown>> {
  const text = await quiet(() => readMetaFile(run, 'summary.json'), undefined);
  if (text === undefined) return {};
  try {
    return objectOf(parseJson(text, { bigint: true }));
  } catch {
    return {};
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function toMs(us: number | bigint | undefined | null): number | undefined {
  return us === undefined || us === null ? undefined : Math.floor(Number(us) / 1000);
}

async function quiet<T, D>(read: () => T | Promise<T>, fallback: D): Promise<T | D> {
  try {
    return await read();
  } catch {
    return fallback;
  }
}
