import { lockRun, readRunConfigSync } from '@gage/meta';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { confirm } from '../output/confirm.js';
import { resolveRunsDir, type ProjectInfo } from '../project.js';
import type { RunInfo } from '../runs/run-info.js';
import { runsCount } from '../output/runs-count.js';
import { formatRunsTable } from '../runs/runs-table.js';
import { notStartableError, skippedLine, whyNotStartable } from './_check-startable.js';
import { startInBackground } from './_run-background.js';
import { execAndFinalize, runDisplay } from './_run-exec.js';
import { formatRunConfirm } from './_run-op-text.js';
import { startRuns, type StagedRun } from './_start-runs.js';

/** What `gage run --start` was asked (docs/spec/cli.md 5.1). */
export interface StartStagedOptions {
  /** The run specs: the value of `--start`, then the positional arguments. */
  specs: string[];
  /** `-w`: the runs the specs select from. */
  where: string | undefined;
  yes: boolean;
  quiet: boolean;
  /** `-j`: most runs at a time. */
  jobs: number;
  keepGoing: boolean;
  background: boolean;
}

/**
 * `gage run --start RUN...` (docs/spec/cli.md 5.1). One run selected: as ever, a run
 * that cannot be started is an error (`Run "<id>" is in use by another
 * process`, `is '<status>'`, ...). Several: they are started oldest first
 * (the order they were staged), `jobs` at a time, through
 * {@link startRuns}; a run that cannot be started is skipped with a line
 * saying why, before the prompt and again when its turn comes. Each spec
 * must match a run; `-w` filters the runs the specs select from.
 *
 * @example
 * ```ts
 * return startStaged(ctx, project, { specs: ['1:4'], where: 'staged', yes: true, quiet: false, jobs: 2, keepGoing: false, background: false });
 * ```
 */
export async function startStaged(ctx: Context, project: ProjectInfo, options: StartStagedOptions): Promise<number> {
  // Only `--start` lists runs: the listing code (and its worker thread) is not loaded for a plain run.
  const { loadRunList, selectInfos, selectOne } = await import('../runs/run-list.js');
  const runsDir = resolveRunsDir(ctx, project);
  const list = await loadRunList(runsDir, { where: options.where });
  const [first, ...more] = options.specs;
  // One spec that is not a slice names one run: no match and an ambiguous prefix are the one-run errors (docs/spec/cli.md 3.2).
  if (more.length === 0 && !/^-?\d*:-?\d*$/.test(first as string)) return startOne(ctx, selectOne(list, first), runsDir, options);
  // Each spec must select something; its error is the one-run error of the first that does not.
  for (const spec of options.specs) if (selectInfos(list, [spec]).length === 0) selectOne(list, spec);
  const selected = selectInfos(list, options.specs);
  if (selected.length === 1) return startOne(ctx, selected[0] as RunInfo, runsDir, options);
  return startSeveral(ctx, selected, runsDir, options, project.namespace);
}

/** One run: checked before the prompt (no lock held while asking) and under the lock (docs/spec/lifecycle.md 1.1). */
async function startOne(ctx: Context, info: RunInfo, runsDir: string, options: StartStagedOptions): Promise<number> {
  const { run } = info;
  const opName = info.opref?.name ?? '';
  const why = await whyNotStartable(run, false);
  if (why) throw notStartableError(run, why);
  if (!options.yes) {
    ctx.io.stderr.write(formatRunConfirm(`start ${opName} (${run.name})`, readRunConfigSync(run)));
    // No lock is held during the prompt: Ctrl-C here leaves nothing behind.
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  if (options.background) return startInBackground(ctx, [run], runsDir, options);
  const lock = await lockRun(run, { onCompromised: (err: Error) => ctx.io.stderr.write(`WARNING: lock of run "${run.id}" compromised: ${err.message}\n`) });
  const display = runDisplay(ctx, options.quiet);
  try {
    const locked = await whyNotStartable(run, true);
    if (locked) throw notStartableError(run, locked);
    return await execAndFinalize(ctx, run, lock, display, opName);
  } finally {
    display.status.stop();
    await lock.release();
  }
}

/** Several runs: those that cannot be started are skipped, the rest confirmed once and started oldest first. */
async function startSeveral(
  ctx: Context,
  selected: RunInfo[],
  runsDir: string,
  options: StartStagedOptions,
  namespace: string | undefined,
): Promise<number> {
  const startable: RunInfo[] = [];
  for (const info of selected) {
    const why = await whyNotStartable(info.run, false);
    if (why) ctx.io.stderr.write(skippedLine(info.run, why));
    else startable.push(info);
  }
  if (startable.length === 0) {
    throw new CliError('ERR_GAGE_RUN_NOT_STAGED', 'Nothing to start', { hint: "Only staged runs can be started with '--start'." });
  }
  if (!options.yes) {
    ctx.io.stderr.write(formatRunsTable(startable, { mode: ctx.mode, namespace }));
    ctx.io.stderr.write(`You are about to start ${runsCount(startable.length)}.\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  // The list is newest first; runs start in the order they were staged.
  const runs: StagedRun[] = startable.reverse().map((info) => ({ run: info.run, opName: info.opref?.name ?? '' }));
  if (options.background) return startInBackground(ctx, runs.map((r) => r.run), runsDir, options);
  return startRuns(ctx, runs, options);
}
