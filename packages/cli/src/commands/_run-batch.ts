import { randomUUID } from 'node:crypto';
import { constants } from 'node:os';
import { opdefVersion, type CollectedProvenance } from '@gage/stage';
import { OpRef, type JsonObject } from '@gage/types';
import type { Context } from '../context.js';
import { confirm } from '../output/confirm.js';
import { abortOnSignals, type StopSignal } from './_abort-on-signals.js';
import { describeTrials } from './_batch-preview.js';
import { runDisplay } from './_run-exec.js';
import type { RunTrials } from './_run-trials.js';
import { stageNewRun, type NewRun } from './_stage-new-run.js';
import { startBatch, type BatchRun } from './_start-batch.js';
import { startInBackground } from './_run-background.js';
import { startRuns } from './_start-runs.js';

/** A batch or sweep to stage and run (docs/spec/cli.md 5.1 Batches). */
export interface BatchRequest {
  trials: RunTrials;
  /** What every run shares: everything of a new run but its config and user attributes. */
  base: Omit<NewRun, 'config' | 'userAttrs'>;
  label: string | undefined;
  yes: boolean;
  /** `--stage`: stage them all, start none. */
  stage: boolean;
  quiet: boolean;
  /** `--needed`: skip trials that have a comparable run. */
  needed: boolean;
  /** `-j N`: most runs at a time once all are staged (1: in turn). */
  jobs: number;
  /** `--keep-going`: a failed run does not stop the others from starting. */
  keepGoing: boolean;
  /** `--background`: the staged runs are started by a detached gage. */
  background: boolean;
  /** Starts (once) the provenance collection of this `gage run`, shared by every run of the batch (decision 18). */
  provenance: () => Promise<CollectedProvenance>;
}

/**
 * Stages every trial of a batch or sweep, then starts them in turn
 * (docs/spec/cli.md 5.1 Batches, decisions 22 and 23): one prompt for the batch;
 * each run gets the user attributes `batch` (an id the batch shares),
 * `batch-index` (its trial number, from 1) and, for a random sweep,
 * `random-seed`. With `--needed`, trials that have a comparable run are
 * skipped (`Skipped N runs because comparable runs exist`); when all were,
 * `gage` exits 5. With `--stage` it prints `Staged N runs` and how to list
 * and start them.
 *
 * @returns the exit status of `gage`
 * @example
 * ```ts
 * return await runBatch(ctx, { trials, base, label: undefined, yes: true, stage: false, quiet: false, needed: false, provenance, jobs: 1, keepGoing: false, background: false });
 * ```
 */
export async function runBatch(ctx: Context, req: BatchRequest): Promise<number> {
  const { trials, base } = req;
  const n = trials.configs.length;
  if (!req.yes) {
    ctx.io.stderr.write(`You are about to ${req.stage ? 'stage' : 'run'} ${base.opdef.name} in a batch of ${n} (${describeTrials(trials)})\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  const staging = await stageAll(ctx, req);
  if (typeof staging === 'number') return staging;
  const { staged, skipped } = staging;
  if (skipped > 0) {
    ctx.io.stderr.write(skipped === 1 ? 'Skipped 1 run because a comparable run exists\n' : `Skipped ${skipped} runs because comparable runs exist\n`);
  }
  if (staged.length === 0) return 5; // every trial was skipped: as for one run (docs/spec/cli.md 1.2)
  if (req.stage) {
    const what = staged.length === 1 ? '1 run' : `${staged.length} runs`;
    ctx.io.stdout.write(`Staged ${what}\n\nTo list them, run 'gage runs --where staged'\nTo start one, run 'gage run --start <run>'\n`);
    return 0;
  }
  if (req.background) return startInBackground(ctx, staged.map((s) => s.run), req.base.runsDir, { jobs: req.jobs, keepGoing: req.keepGoing });
  // In turn (docs/spec/cli.md 5.1 Batches), or with `-j N` / `--keep-going` through the scheduler of `--start RUN...` (decision 24).
  if (req.jobs > 1 || req.keepGoing) return startRuns(ctx, staged, { jobs: req.jobs, keepGoing: req.keepGoing, quiet: req.quiet });
  return startBatch(ctx, staged, { quiet: req.quiet });
}

/** Stages the trials in order; resolves with the staged runs and the skipped count, or the exit status when a signal stopped it. */
async function stageAll(ctx: Context, req: BatchRequest): Promise<{ staged: BatchRun[]; skipped: number } | number> {
  const { trials, base } = req;
  const opref = OpRef(base.namespace, base.opdef.name, opdefVersion(base.opdef) ?? undefined);
  // Only `--needed` lists runs: a plain batch does not load the listing code.
  const comparable = req.needed ? await (await import('./_comparable-runs.js')).comparableRuns(base.runsDir, opref) : undefined;
  const display = runDisplay(ctx, req.quiet);
  const stop = abortOnSignals();
  // Collected once, after the prompt: every run of the batch is staged from the same project state.
  const provenance = req.provenance();
  const batch = randomUUID().replaceAll('-', '');
  const seed = trials.plan.seed;
  const staged: BatchRun[] = [];
  let skipped = 0;
  try {
    for (const [i, config] of trials.configs.entries()) {
      if (stop.signal.aborted) break;
      display.status.prefix = `Staging runs (${i + 1} of ${trials.configs.length}) · `;
      if (comparable && (await comparable.find(config))) {
        skipped++;
        continue;
      }
      const userAttrs: JsonObject = {
        ...(req.label ? { label: req.label } : {}),
        batch,
        'batch-index': BigInt(i + 1),
        ...(seed === undefined ? {} : { 'random-seed': BigInt(seed) }),
      };
      const { run, lock } = await stageNewRun(ctx, { ...base, config, userAttrs }, { display, signal: stop.signal, provenance });
      await lock.release();
      comparable?.add(run, config);
      staged.push({ run, opName: base.opdef.name });
    }
  } catch (err) {
    if (!stop.signal.aborted) throw err;
  } finally {
    stop.dispose();
    display.status.stop();
  }
  if (stop.signal.aborted) return stoppedStaging(ctx, stop.signal.reason as StopSignal, staged.length);
  return { staged, skipped };
}

/** Ends a batch stopped while staging: the runs staged so far stay staged; `Aborted.` for SIGINT; `128 + signum`. */
function stoppedStaging(ctx: Context, sig: StopSignal, staged: number): number {
  if (staged > 0) {
    const what = staged === 1 ? '1 run of the batch is' : `${staged} runs of the batch are`;
    ctx.io.stderr.write(`${what} staged; to list them, run 'gage runs --where staged'\n`);
  }
  if (sig === 'SIGINT') ctx.io.stderr.write('Aborted.\n');
  return 128 + constants.signals[sig];
}
