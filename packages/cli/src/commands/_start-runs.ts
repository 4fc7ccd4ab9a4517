import { constants } from 'node:os';
import { lockRun, type RunLock } from '@gage/meta';
import { runTasks, type TaskCounts } from '@gage/proc';
import type { Run } from '@gage/types';
import type { Context } from '../context.js';
import { OutputEcho } from '../output/output-echo.js';
import { StatusLine } from '../output/status-line.js';
import { printError } from '../print-error.js';
import { signalHub, type SignalHub, type StopSignal } from './_abort-on-signals.js';
import { skippedLine, whyNotStartable } from './_check-startable.js';
import { echoWriteError, execAndFinalize, type RunDisplay } from './_run-exec.js';

/** A staged run to start, with the name of its operation (for the status line). */
export interface StagedRun {
  run: Run;
  opName: string;
}

/** Options of {@link startRuns}. */
export interface StartRunsOptions {
  /** Most runs at a time (`-j`), 1 or more. With more than 1, echoed lines get a `[name] ` prefix. */
  jobs: number;
  /** Keep starting runs after one failed (`--keep-going`). */
  keepGoing: boolean;
  /** No echo of run output and no status line (`-q`). */
  quiet: boolean;
}

/** What one run's task came to. */
type Started = { kind: 'ran'; status: number } | { kind: 'skipped' } | { kind: 'not-started' };

/**
 * Starts staged runs, up to `jobs` at a time, in the order given, each under
 * its own lock (docs/spec/cli.md 5.1 `--start`, docs/spec/wave2.md decision 24), and
 * resolves with the exit status of `gage`:
 *
 * - Each run is locked and checked (staged, never ran) when its turn comes;
 *   a run that another process holds or has started meanwhile is skipped
 *   with `Skipped run <name>: <reason>` on stderr, which is no failure: of
 *   two `gage run --start` of the same runs, each run runs once.
 * - With `jobs` > 1 every echoed line starts with `[name] `; on a TTY a
 *   status line counts done, running, staged and failed runs.
 * - A failed run prints a blank line, `Run <name> exited with an error
 *   (<code>)` and `Try 'gage show <name>' for run details.`; then no new run
 *   starts (the rest stay staged, which a last line says) unless
 *   `keepGoing`; the status is that of the first failed run.
 * - SIGINT, SIGTERM or SIGHUP start no new run and stop every running one
 *   (each is finalized `terminated`, its lock released); `Aborted.` for
 *   SIGINT; the status is `128 + signum` (130 for Ctrl-C).
 *
 * @param ctx the command context
 * @param runs the staged runs, started in this order
 * @param options `jobs`, `keepGoing`, `quiet`
 * @returns the exit status: 0, the first failed run's, or `128 + signum`
 * @example
 * ```ts
 * return await startRuns(ctx, runs.map((run) => ({ run, opName: 'train' })), { jobs: 2, keepGoing: false, quiet: false });
 * ```
 */
export async function startRuns(ctx: Context, runs: readonly StagedRun[], options: StartRunsOptions): Promise<number> {
  const { io } = ctx;
  const line = new StatusLine(io.stderr, !options.quiet && ctx.verbose === 0 && ctx.mode.styled && io.stderr.isTTY === true);
  const failures: number[] = [];
  let skipped = 0;
  const hub = signalHub();
  try {
    const showCounts = (c: TaskCounts) => line.set(countsText(c, skipped));
    // Errors are printed above the status line, like the rest.
    const errIo = { ...io, stderr: { write: (data: string | Uint8Array) => line.write(io.stderr, data) } };
    const result = await runTasks(runs.map((staged) => async (): Promise<Started> => {
      let started: Started;
      try {
        started = await startOne(ctx, staged, hub, display(ctx, line, staged.run, options));
      } catch (err) {
        // A failing finalize hook, a full disk: reported as `gage` reports it, and the run counts as failed.
        started = { kind: 'ran', status: printError(err, errIo, ctx.verbose) };
      }
      if (started.kind === 'skipped') skipped++;
      if (started.kind === 'ran' && started.status !== 0 && !hub.signal.aborted) {
        failures.push(started.status);
        line.write(io.stderr, runFailed(staged.run, started.status));
      }
      return started;
    }), {
      jobs: options.jobs,
      keepGoing: options.keepGoing,
      signal: hub.signal,
      isFailure: (started) => started.kind === 'ran' && started.status !== 0,
      onProgress: showCounts,
    });
    line.stop();
    if (hub.signal.aborted) {
      const sig = hub.signal.reason as StopSignal;
      if (sig === 'SIGINT') io.stderr.write('Aborted.\n');
      return 128 + constants.signals[sig];
    }
    if (result.stopped === 'failure') io.stderr.write(notStartedLine(result.counts.waiting));
    return failures[0] ?? 0;
  } finally {
    line.stop();
    hub.dispose();
  }
}

/** Locks, checks and runs one staged run; a run that cannot be started now is skipped. */
async function startOne(ctx: Context, { run, opName }: StagedRun, hub: SignalHub, display: RunDisplay): Promise<Started> {
  let lock: RunLock;
  try {
    lock = await lockRun(run, {
      onCompromised: (err: Error) => display.status.write(ctx.io.stderr, `WARNING: lock of run "${run.id}" compromised: ${err.message}\n`),
    });
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_GAGE_RUN_LOCKED') throw err;
    display.status.write(ctx.io.stderr, skippedLine(run, { kind: 'locked' }));
    return { kind: 'skipped' };
  }
  try {
    const why = await whyNotStartable(run, true);
    if (why) {
      display.status.write(ctx.io.stderr, skippedLine(run, why));
      return { kind: 'skipped' };
    }
    // A signal while it was locked and checked: it stays staged. From here on, execAndFinalize sees every signal.
    if (hub.signal.aborted) return { kind: 'not-started' };
    return { kind: 'ran', status: await execAndFinalize(ctx, run, lock, display, opName, { signals: hub }) };
  } finally {
    await lock.release();
  }
}

/** The display of one of several runs: its echo (with a `[name] ` prefix when runs overlap) above the shared line. */
function display(ctx: Context, line: StatusLine, run: Run, options: StartRunsOptions): RunDisplay {
  const status = line.writer();
  const prefix = options.jobs > 1 ? `[${run.name}] ` : undefined;
  const echo = options.quiet ? undefined : new OutputEcho(status, ctx.io.stdout, ctx.io.stderr, { onWriteError: echoWriteError(ctx), prefix });
  return { status, echo, onOutput: echo?.line, onOutputChunk: echo?.chunk };
}

/** The status line's text: `2 done, 2 running, 16 staged, 0 failed` (and `, 1 skipped`). */
function countsText(c: TaskCounts, skipped: number): string {
  return `${c.done - skipped} done, ${c.running} running, ${c.waiting} staged, ${c.failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** The lines of docs/spec/cli.md 5.1 (batches) for a failed run. */
function runFailed(run: Run, code: number): string {
  return `\nRun ${run.name} exited with an error (${code})\nTry 'gage show ${run.name}' for run details.\n`;
}

/** Says how many runs were left staged after a failure. */
function notStartedLine(count: number): string {
  const runs = count === 1 ? '1 run was' : `${count} runs were`;
  return `${runs} not started and ${count === 1 ? 'is' : 'are'} still staged (use --keep-going to start every run)\n`;
}
