import { constants } from 'node:os';
import type { RunLock } from '@gage/meta';
import { collectReadBuffers, execRun, finalizeRun, type RunOutputError } from '@gage/proc';
import type { Run } from '@gage/types';
import type { Context } from '../context.js';
import { paint } from '../output/ansi.js';
import { formatWarning } from '../output/format-warning.js';
import { exitStatus } from '../exit-status.js';
import { recordWriteError } from '../io.js';
import { OutputEcho } from '../output/output-echo.js';
import { StatusLine, type StatusDisplay } from '../output/status-line.js';
import { abortOnSignals, type SignalSource, type StopSignal } from './_abort-on-signals.js';

/** How run output is shown while a run executes. */
export interface RunDisplay {
  status: StatusDisplay;
  /** Echo for hook and run output; undefined with `-q`. */
  echo: OutputEcho | undefined;
  /** The per-line output callback of `echo` (staging hooks). */
  onOutput: ((stream: number, line: Uint8Array) => void) | undefined;
  /** The per-chunk output callback of `echo` (run process and finalize hook): one write per chunk of lines. */
  onOutputChunk: ((stream: number, pieces: readonly Uint8Array[]) => Promise<void> | undefined) | undefined;
}

/**
 * Sets up the live display of `gage run` (docs/spec/cli.md 5.1): output lines echoed
 * as they arrive (stdout to stdout, stderr to stderr) unless `quiet`, and a
 * spinner line of the phase on a TTY only.
 *
 * @example
 * ```ts
 * const display = runDisplay(ctx, false);
 * ```
 */
export function runDisplay(ctx: Context, quiet: boolean): RunDisplay {
  const { io } = ctx;
  const spinner = !quiet && ctx.verbose === 0 && ctx.mode.styled && io.stderr.isTTY === true;
  const status = new StatusLine(io.stderr, spinner);
  const echo = quiet ? undefined : new OutputEcho(status, io.stdout, io.stderr, { onWriteError: echoWriteError(ctx) });
  return { status, echo, onOutput: echo?.line, onOutputChunk: echo?.chunk };
}

/** How the echo of run output reports a failed write to a stdout file: recorded for `runMain` to report (docs/spec/cli.md 1.1). */
export function echoWriteError(ctx: Context): ((err: unknown) => void) | undefined {
  const errors = ctx.io.writeErrors;
  return errors ? (err) => recordWriteError(errors, 'stdout', err) : undefined;
}

/** Options of {@link execAndFinalize}. */
export interface ExecAndFinalizeOptions {
  /**
   * Where the signal aborts come from (default: handlers of its own on the
   * process). Several runs at once share one `signalHub()`; then the caller
   * prints `Aborted.`, not `execAndFinalize`.
   */
  signals?: SignalSource | undefined;
}

/**
 * After a run, on a terminal only (styled mode and stderr a TTY), one dim
 * line on stderr that names the run for `gage show <name>`; nothing on a
 * pipe or a file (docs/spec/cli.md 5.1).
 */
function showRunName(ctx: Context, run: Run): void {
  if (!ctx.mode.styled || ctx.io.stderr.isTTY !== true) return;
  ctx.io.stderr.write(`${paint(`Run ${run.name}`, ['dim'], ctx.mode.color)}\n`);
}

/**
 * Executes a staged run whose lock the caller holds and finalizes it
 * (docs/spec/lifecycle.md 8.2, 10). Ctrl-C aborts the run process, finalizes the run
 * with `-2`, prints `Aborted.` and resolves 130 (decision 11); SIGTERM and
 * SIGHUP to `gage` are forwarded the same way and the run is finalized with
 * `-<signum>` (`gage` resolves `128 + signum`); a process that ignores the
 * signal gets SIGKILL after `execRun`'s grace period. Otherwise resolves with
 * the exit status of `gage`: the run's code or `128 + signum`. A failing
 * finalize hook throws `RunExecError`. When the run's output could not be
 * saved (`RunOutputError`, a full disk), the run is finalized with its
 * process's status as far as the disk allows and that error is thrown.
 *
 * A signal that comes once the run process has exited (while the rest of its
 * output is read, or while the run is finalized) does not change the run's
 * recorded status; it stops the finalize hook (not started if not yet
 * running), finalizing still completes (manifest, read-only files), and
 * `gage` resolves `128 + signum` (`Aborted.` for SIGINT).
 *
 * @example
 * ```ts
 * return await execAndFinalize(ctx, run, lock, display, 'hello');
 * ```
 */
export async function execAndFinalize(
  ctx: Context,
  run: Run,
  lock: RunLock,
  display: RunDisplay,
  opName: string,
  options: ExecAndFinalizeOptions = {},
): Promise<number> {
  collectReadBuffers(); // `gage` owns its process: keep the capture's read buffers from piling up (@gage/proc README)
  const signals: SignalSource = options.signals ?? { abortOnSignals };
  const stop = signals.abortOnSignals();
  let exitedFirst = false;
  let code: number;
  // The output could not be saved (a full disk): the run is still finalized as far as the disk allows.
  let outputError: RunOutputError | undefined;
  let scalars: ReadonlyMap<string, number> | undefined;
  try {
    display.status.set(`Running ${opName}`);
    code = await execRun(run, {
      lock,
      signal: stop.signal,
      onOutputChunk: display.onOutputChunk,
      parentPwd: ctx.cwd,
      onExit: () => (exitedFirst = !stop.signal.aborted),
      onScalars: (lastValues) => (scalars = lastValues),
    });
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_GAGE_RUN_OUTPUT') {
      stop.dispose();
      throw err;
    }
    outputError = err as RunOutputError;
    code = outputError.exitStatus;
  } finally {
    await display.echo?.drain();
  }
  // Handlers for finalizing go in before those of the run go out: no signal falls between them.
  const stopFinalize = signals.abortOnSignals();
  stop.dispose();
  const runStopped = stop.signal.aborted ? (stop.signal.reason as StopSignal) : undefined;
  if (runStopped && !exitedFirst) code = -constants.signals[runStopped];
  display.status.set('Finalizing run');
  try {
    // A signal after the run process exited also stops finalizing (its hook).
    const signal = runStopped && exitedFirst ? AbortSignal.any([stop.signal, stopFinalize.signal]) : stopFinalize.signal;
    await finalizeRun(run, code, {
      lock,
      signal,
      onOutputChunk: display.onOutputChunk,
      onWarning: (message: string) => display.status.write(ctx.io.stderr, formatWarning(message)),
      scalars,
    });
  } catch (err) {
    // Finalizing fails on the same full disk: the first error is the one to report (the run reads terminated).
    if (!outputError) throw err;
  } finally {
    stopFinalize.dispose();
    await display.echo?.drain();
    display.status.stop();
  }
  if (outputError) throw outputError;
  showRunName(ctx, run);
  const stopped = runStopped ?? (stopFinalize.signal.aborted ? (stopFinalize.signal.reason as StopSignal) : undefined);
  if (stopped === 'SIGINT' && !options.signals) ctx.io.stderr.write('Aborted.\n');
  return stopped ? 128 + constants.signals[stopped] : exitStatus(code);
}
