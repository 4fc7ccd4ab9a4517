import { constants } from 'node:os';
import { lockRun } from '@gage/meta';
import type { Run } from '@gage/types';
import type { Context } from '../context.js';
import { abortOnSignals, type StopSignal } from './_abort-on-signals.js';
import { checkStartable } from './_check-startable.js';
import { execAndFinalize, runDisplay } from './_run-exec.js';

/** A staged run of a batch and the name of its operation (for the status line). */
export interface BatchRun {
  run: Run;
  opName: string;
}

/** Options of {@link startBatch}. */
export interface StartBatchOptions {
  /** `-q`: no echo of the runs' output. */
  quiet: boolean;
}

/**
 * Starts staged runs in turn, each under its own lock, their output
 * streamed (docs/spec/cli.md 5.1 Batches). The first run that fails ends the
 * batch: a blank line, `Run <name> exited with an error (<code>)` and
 * `Try 'gage show <name>' for run details.` on stderr; the runs after it
 * stay staged. A signal to `gage` stops the run it is running (finalized
 * as `terminated`, docs/spec/cli.md 5.1 Exit status) and starts no more.
 * In styled mode the status line reads `Batch run <i> of <n>`.
 *
 * @param runs the staged runs, in batch order
 * @returns the exit status of `gage`: 0, or that of the run that ended the batch
 * @example
 * ```ts
 * return await startBatch(ctx, staged.map((run) => ({ run, opName: 'train' })), { quiet: false });
 * ```
 */
export async function startBatch(ctx: Context, runs: readonly BatchRun[], options: StartBatchOptions): Promise<number> {
  const display = runDisplay(ctx, options.quiet);
  // Only watches: each run's own handlers stop and finalize it; this one says not to start the next.
  const stop = abortOnSignals();
  try {
    for (const [i, { run, opName }] of runs.entries()) {
      if (stop.signal.aborted) return stopped(ctx, stop.signal.reason as StopSignal);
      display.status.prefix = runs.length > 1 ? `Batch run ${i + 1} of ${runs.length} · ` : '';
      const lock = await lockRun(run, { onCompromised: (err: Error) => ctx.io.stderr.write(`WARNING: lock of run "${run.id}" compromised: ${err.message}\n`) });
      let code: number;
      try {
        await checkStartable(run, true);
        code = await execAndFinalize(ctx, run, lock, display, opName);
      } finally {
        display.status.stop();
        await lock.release();
      }
      if (code === 0) continue;
      if (!stop.signal.aborted) {
        ctx.io.stderr.write(`\nRun ${run.name} exited with an error (${code})\nTry 'gage show ${run.name}' for run details.\n`);
      }
      return code;
    }
    return 0;
  } finally {
    stop.dispose();
  }
}

/** Ends a batch stopped by a signal between two runs: `Aborted.` for SIGINT, `128 + signum`. */
function stopped(ctx: Context, sig: StopSignal): number {
  if (sig === 'SIGINT') ctx.io.stderr.write('Aborted.\n');
  return 128 + constants.signals[sig];
}
