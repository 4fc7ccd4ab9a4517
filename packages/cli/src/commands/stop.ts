import { readRunSubmission } from '@gage/meta';
import { stopRun, type StopRunResult } from '@gage/proc';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors.js';
import { printError } from '../print-error.js';
import type { RunInfo } from '../runs/run-info.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { confirmChange, selectForChange } from './_select-for-change.js';
import { stopSubmitted } from './_stop-submitted.js';

/** `gage stop`, docs/spec/cli.md 5.22. */
export const spec = defineCommand({
  name: 'stop',
  usage: '[options] [run]...',
  summary: 'Stop running runs.',
  description:
    "Stop running runs, wherever they were started.\n\nEach run's process group gets SIGTERM, and SIGKILL if any of it still runs\nafter the grace period. The run is finalized 'terminated'.\n\nA run submitted to Slurm is stopped with scancel: a queued one's task is\ncancelled (the run is staged again), a running one's gets SIGTERM.",
  options: [
    whereOption,
    allOption,
    { key: 'grace', flags: ['--grace'], kind: 'value', metavar: 'SECONDS', help: 'Seconds between SIGTERM and SIGKILL (default 10).' },
    yesOption,
  ],
});

/**
 * Stops running runs: those named (each must be running or queued), or with `-a` or
 * `-w` every running or queued run among those selected. A submitted run is
 * stopped through its scheduler (`scancel`, docs/spec/cli.md 5.23).
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['vadur', '-y'], 'stop'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const graceMs = parseGrace(ctx, parsed.options.grace);
  const { runs: selected, namespace } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: parsed.options.where !== undefined,
    missing: "Specify a run to stop or use '--all'.",
    listHint: "Use 'gage list -w running' to show running runs.",
    nothingExit: 1,
  });
  const named = parsed.args.length > 0;
  const stoppable = (r: RunInfo) => r.status === 'running' || r.status === 'queued';
  const notRunning = selected.find((r) => !stoppable(r));
  if (named && notRunning) {
    throw new CliError('ERR_GAGE_RUN_NOT_RUNNING', `Run "${notRunning.run.id}" is '${notRunning.status}'`, {
      hint: 'Only running runs can be stopped.',
    });
  }
  const runs = selected.filter(stoppable);
  if (runs.length === 0) {
    ctx.io.stderr.write('Nothing to stop\n');
    return 0;
  }
  if (!(await confirmChange(ctx, parsed, runs, namespace, `You are about to stop ${runsCount(runs.length)}.`, true))) return 0;
  const submitted = runs.filter((r) => r.status === 'queued' || readRunSubmission(r.run) !== undefined);
  const status = await stopSubmittedRuns(ctx, submitted, graceMs);
  const results = await Promise.all(runs.filter((r) => !submitted.includes(r)).map((info) =>
    stopRun(info.run, { graceMs }).then(
      (result) => ({ info, result }),
      (error: unknown) => ({ info, error }),
    )
  ));
  let stopped = submitted.length - status.failed;
  let code = status.code;
  for (const r of results) {
    if ('error' in r) code = Math.max(code, printError(r.error, ctx.io, ctx.verbose));
    else if (r.result.pid === undefined) ctx.io.stderr.write(`Run ${r.info.run.name} ended before it was stopped\n`);
    else {
      stopped++;
      ctx.io.stderr.write(noteFor(r.info, r.result, graceMs));
    }
  }
  if (stopped > 0) ctx.io.stderr.write(`Stopped ${runsCount(stopped)}\n`);
  return code;
}

/** Stops the submitted runs through their scheduler ({@link stopSubmitted}), a line for each that needed more than a cancel. */
async function stopSubmittedRuns(ctx: Context, runs: RunInfo[], graceMs: number): Promise<{ code: number; failed: number }> {
  let code = 0;
  let failed = 0;
  for (const info of runs) {
    try {
      const done = await stopSubmitted(ctx, info.run, info.status === 'queued' ? 'queued' : 'running', graceMs);
      if (done === 'cancelled') ctx.io.stderr.write(`Cancelled the queued task of run ${info.run.name}: the run is staged again\n`);
      if (done === 'killed') ctx.io.stderr.write(`Run ${info.run.name} was still running ${graceMs / 1000} s after SIGTERM: Slurm ended its task\n`);
    } catch (err) {
      failed++;
      code = Math.max(code, printError(err, ctx.io, ctx.verbose));
    }
  }
  return { code, failed };
}

/** A line for a run that needed more than SIGTERM. */
function noteFor(info: RunInfo, result: StopRunResult, graceMs: number): string {
  return result.signal === 'SIGKILL' ? `Run ${info.run.name} was still running ${graceMs / 1000} s after SIGTERM: sent SIGKILL\n` : '';
}

/** `--grace` in ms: a number of seconds, 0 or more; 10 s when not given. */
function parseGrace(ctx: Context, text: string | undefined): number {
  if (text === undefined) return 10_000;
  const fail = (why: string): never => {
    throw new UsageError(ctx.cmdPath, `gage ${ctx.cmdPath} ${spec.usage}`, `Invalid value for '--grace': '${text}' ${why}.`);
  };
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(text)) fail('is not a valid number');
  const seconds = Number(text);
  if (seconds < 0) fail('is not in the range x>=0');
  return seconds * 1000;
}
