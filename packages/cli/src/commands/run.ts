import { constants } from 'node:os';
import type { RunLock } from '@gage/meta';
import { MissingExecError, opdefVersion, opRunCommand, readProjectConfig, type CollectedProvenance } from '@gage/stage';
import { OpRef, type Config, type OpDef, type Run } from '@gage/types';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, PresentedError } from '../errors.js';
import { formatWarning } from '../output/format-warning.js';
import { loadProject, resolveRunsDir, type ProjectInfo } from '../project.js';
import { whereOption } from './_common-options.js';
import { parseJobs } from './_parse-jobs.js';
import { requireGagefile } from './_require-gagefile.js';
import { execAndFinalize, runDisplay, type RunDisplay } from './_run-exec.js';
import { abortOnSignals, type StopSignal } from './_abort-on-signals.js';
import { parseFlags, resolveRunOperation, splitRunArgs } from './_run-op.js';
import { runProvenance } from './_run-provenance.js';
import { runTrials, type RunTrials } from './_run-trials.js';
import { stageNewRun, type NewRun } from './_stage-new-run.js';

// What `gage run -y` of one run does not need is imported where it is used: `--start`, batches, `--preview`,
// `--help-op`, `--background`, the prompt (docs/performance.md, "Run overhead").

/** `gage run`, docs/spec/cli.md 5.1. */
export const spec = defineCommand({
  name: 'run',
  usage: '[options] [operation] [flag=value]...',
  summary: 'Run an operation.',
  description: 'Stage and start a run of an operation.\n\nFlags are NAME=VALUE assignments that set the run config.\n\n' +
    'A flag value in sweep syntax makes a batch of runs, all staged, then run in turn:\n' +
    '  grid:    [a,b,...]  range[start:stop:step]  linspace[start:stop:count]  logspace[start:stop:count]\n' +
    '  random:  uniform[a:b]  loguniform[a:b]  randint[a:b]  choice[a,b,...]\n' +
    'Quote a value to keep it as it is: name="\'[x]\'".',
  options: [
    { key: 'label', flags: ['-l', '--label'], kind: 'value', metavar: 'TEXT', help: 'Label stored with the run.' },
    { key: 'yes', flags: ['-y', '--yes'], kind: 'flag', help: "Don't prompt for confirmation." },
    { key: 'quiet', flags: ['-q', '--quiet'], kind: 'flag', help: "Don't show run output." },
    { key: 'stage', flags: ['--stage'], kind: 'flag', help: 'Stage the run but do not start it.' },
    { key: 'start', flags: ['--start'], kind: 'value', metavar: 'RUN', help: 'Start a staged run; more runs may follow as arguments.' },
    { ...whereOption, help: 'With --start: select among the runs matching a filter expression.' },
    { key: 'jobs', flags: ['-j', '--jobs'], kind: 'value', metavar: 'N', help: 'Run up to N runs at the same time (default 1).' },
    { key: 'keep-going', flags: ['--keep-going'], kind: 'flag', help: 'Keep starting runs after one failed.' },
    { key: 'background', flags: ['--background'], kind: 'flag', help: 'Run in the background: print the run name and return.' },
    // Batches and sweeps (docs/spec/cli.md 5.1, decisions 22-23)
    { key: 'needed', flags: ['-n', '--needed'], kind: 'flag', help: 'Skip a run when a comparable run exists.' },
    { key: 'batch', flags: ['-b', '--batch'], kind: 'list', metavar: 'FILE', help: 'Run a batch of runs, one per row of FILE (.csv or .json); repeatable.' },
    { key: 'max-runs', flags: ['-m', '--max-runs'], kind: 'value', metavar: 'N',
      help: 'Run the first N trials of a batch or grid (-1: all); the number of random trials (default 20).' },
    { key: 'random-seed', flags: ['--random-seed'], kind: 'value', metavar: 'N',
      help: 'Seed of a random sweep (recorded; the same seed draws the same trials).' },
    { key: 'preview', flags: ['--preview'], kind: 'flag', help: 'Show what would be staged; make no run.' },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'With --preview: print JSON.' },
    { key: 'help-op', flags: ['--help-op'], kind: 'flag', help: 'Show help for the operation.' },
    { key: 'force-flags', flags: ['--force-flags'], kind: 'flag',
      help: "Accept flags the operation does not define (recorded, patched into no file) and values its defaults' types cannot take." },
  ],
});

/**
 * Stages and runs an operation, a batch or a sweep, or starts a staged run.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['name=Ada', '-y'], 'run'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [
    ['start', 'stage'],
    ['start', 'preview'],
    ['start', 'needed'],
    ['start', 'batch'],
    ['start', 'max-runs'],
    ['start', 'random-seed'],
    ['background', 'stage'],
    ['background', 'preview'],
  ], ctx.cmdPath);
  if (parsed.options.json && !parsed.options.preview) {
    throw new CliError('ERR_GAGE_JSON_WITHOUT_PREVIEW', "'--json' can only be used with '--preview'", { hint: `Try 'gage ${ctx.cmdPath} -h' for help.` });
  }
  const start = parsed.options.start;
  if (parsed.options.where !== undefined && start === undefined) {
    throw new CliError('ERR_GAGE_WHERE_WITHOUT_START', "'--where' can only be used with '--start'", { hint: `Try 'gage ${ctx.cmdPath} -h' for help.` });
  }
  const jobs = parseJobs(ctx, `gage ${ctx.cmdPath} ${spec.usage}`, parsed.options.jobs);
  if (parsed.options.background) (await import('./_run-background.js')).requireGageCommand(ctx);
  const project = await loadProject(ctx);
  if (start !== undefined) {
    const { startStaged } = await import('./_start-staged.js');
    return startStaged(ctx, project, {
      specs: [start, ...parsed.args],
      where: parsed.options.where,
      yes: parsed.options.yes,
      quiet: parsed.options.quiet,
      jobs,
      keepGoing: parsed.options['keep-going'],
      background: parsed.options.background,
    });
  }
  const gagefile = requireGagefile(project);
  const { opSpec, flagArgs } = splitRunArgs(parsed.args);
  const opdef = await resolveRunOperation(gagefile, opSpec, ctx.mode);
  const flags = parseFlags(flagArgs);
  const projectDir = project.projectDir as string;
  if (parsed.options['help-op']) {
    const { formatHelpOp } = await import('./_run-op-text.js');
    const onWarning = (message: string) => void ctx.io.stderr.write(formatWarning(message));
    ctx.io.stdout.write(formatHelpOp(opdef, await readProjectConfig(projectDir, opdef, { onWarning }), ctx.mode));
    return 0;
  }
  const cmd = runCommandOf(opdef, projectDir, project);
  const runsDir = resolveRunsDir(ctx, project);
  // With `-y` nothing waits for the user: provenance starts now; otherwise after the prompt. Stopped when
  // `gage run` ends, also before staging took it (bad flags, a declined prompt, a signal).
  const provenance = runProvenance(projectDir, cmd.args);
  if (parsed.options.yes && !parsed.options.preview) void provenance.start(); // its rejection is handled where staging awaits it
  try {
    return await runOperation();
  } finally {
    provenance.stop();
  }

  async function runOperation(): Promise<number> {
    // Config-file warnings are printed once: by staging for a run, here for a preview.
    const warnings: string[] = [];
    const onWarning = (message: string) => void warnings.push(message);
    const defaults: Config = await readProjectConfig(projectDir, opdef, { runsDir, onWarning });
    const usage = `gage ${ctx.cmdPath} ${spec.usage}`;
    const trialOptions = { batch: parsed.options.batch, maxRuns: parsed.options['max-runs'], randomSeed: parsed.options['random-seed'],
      forceFlags: parsed.options['force-flags'] };
    const trials = await runTrials(ctx, flags, trialOptions, { opdef, defaults, projectDir, runsDir, usage });
    const batch = trials.plan.search !== 'single';
    if (parsed.options.preview) {
      const { formatPreview, previewJson, previewRun } = await import('./_run-preview.js');
      const { batchPreviewJson, formatBatchPreview } = await import('./_batch-preview.js');
      const preview = await previewRun(opdef, projectDir, runsDir, defaults, trials.configs[0] ?? defaults);
      for (const w of [...warnings, ...preview.warnings]) ctx.io.stderr.write(formatWarning(w));
      if (batch) ctx.io.stdout.write(parsed.options.json ? batchPreviewJson(trials, preview) : formatBatchPreview(trials, preview, ctx.mode));
      else ctx.io.stdout.write(parsed.options.json ? previewJson(preview) : formatPreview(preview, ctx.mode));
      return 0;
    }
    const base = { runsDir, projectDir, namespace: project.namespace as string, opdef, cmd, defaults };
    const { label, yes, stage, quiet, needed } = parsed.options;
    if (batch) {
      const more = { jobs, keepGoing: parsed.options['keep-going'], background: parsed.options.background };
      const { runBatch } = await import('./_run-batch.js');
      return runBatch(ctx, { trials, base, label, yes, stage, quiet, needed, provenance: provenance.start, ...more });
    }
    return runOne(ctx, parsed, base, trials, provenance.start);
  }
}

/** The operation's run command; an operation without one names its Gage file as the user sees it (docs/spec/cli.md 2.1). */
function runCommandOf(opdef: OpDef, projectDir: string, project: ProjectInfo): ReturnType<typeof opRunCommand> {
  try {
    return opRunCommand(opdef, projectDir);
  } catch (err) {
    if (!(err instanceof MissingExecError) || err.gagefile !== project.gagefilePath || !project.gagefileShown) throw err;
    throw new PresentedError(err, { message: `Operation ${err.opName} defined in "${project.gagefileShown}" is missing an exec command` });
  }
}

/** One run (no batch file, no sweep): prompt, `--needed`, stage, and start unless `--stage`. */
async function runOne(
  ctx: Context,
  parsed: CommandArgs<typeof spec>,
  base: Omit<NewRun, 'config' | 'userAttrs'>,
  trials: RunTrials,
  startProvenance: () => Promise<CollectedProvenance>,
): Promise<number> {
  const config = trials.configs[0] as Config;
  const stageOnly = parsed.options.stage;
  if (!parsed.options.yes) {
    const [{ formatRunConfirm }, { confirm }] = await Promise.all([import('./_run-op-text.js'), import('../output/confirm.js')]);
    ctx.io.stderr.write(formatRunConfirm(`${stageOnly ? 'stage' : 'run'} ${base.opdef.name}`, config));
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  if (parsed.options.needed) {
    const found = await findComparable(base, config);
    if (found) {
      ctx.io.stderr.write(`Run skipped because a comparable run exists (${found.name})\n\nFor details, run 'gage show ${found.name}'\n`);
      return 5;
    }
  }
  const display = runDisplay(ctx, parsed.options.quiet);
  // From before the run exists: a signal stops initializing and staging cleanly (the run stays pending, unlocked).
  const stop = abortOnSignals();
  // After the prompt at the latest, before the run is made: its processes overlap making, initializing and copying the run.
  const provenance = startProvenance();
  let lock: RunLock | undefined;
  try {
    let run: Run;
    try {
      const label = parsed.options.label;
      ({ run, lock } = await stageNewRun(ctx, { ...base, config, userAttrs: label ? { label } : {} }, { display, signal: stop.signal, provenance }));
    } catch (err) {
      if (!stop.signal.aborted) throw err;
      return stopped(ctx, display, stop.signal, undefined);
    } finally {
      stop.dispose();
    }
    // A signal handled only after the last phase (its work is synchronous): the run is staged, not started.
    if (stop.signal.aborted) return stopped(ctx, display, stop.signal, run);
    if (stageOnly) {
      ctx.io.stdout.write(`Run "${run.name}" is staged\n\nTo start it, run 'gage run --start ${run.name}'\n`);
      return 0;
    }
    if (parsed.options.background) {
      // The detached gage takes the run's lock: release it first (docs/spec/cli.md 5.1 `--background`).
      display.status.stop();
      await lock.release();
      const { startInBackground } = await import('./_run-background.js');
      return await startInBackground(ctx, [run], base.runsDir, { jobs: 1, keepGoing: false });
    }
    return await execAndFinalize(ctx, run, lock, display, base.opdef.name);
  } finally {
    display.status.stop();
    await lock?.release();
  }
}

/** `--needed` for one run (docs/spec/cli.md 5.1): the newest comparable run. Only then is the runs list loaded. */
async function findComparable(base: Omit<NewRun, 'config' | 'userAttrs'>, config: Config): Promise<Run | undefined> {
  const { comparableRuns } = await import('./_comparable-runs.js');
  const opref = OpRef(base.namespace, base.opdef.name, opdefVersion(base.opdef) ?? undefined);
  return (await comparableRuns(base.runsDir, opref)).find(config);
}

/** Ends `gage run` stopped by a signal before its run started: `Aborted.` for SIGINT, `128 + signum`. */
function stopped(ctx: Context, display: RunDisplay, signal: AbortSignal, staged: Run | undefined): number {
  const sig = signal.reason as StopSignal;
  display.status.stop();
  if (staged) ctx.io.stderr.write(`Run "${staged.name}" is staged; to start it, run 'gage run --start ${staged.name}'\n`);
  if (sig === 'SIGINT') ctx.io.stderr.write('Aborted.\n');
  return 128 + constants.signals[sig];
}
