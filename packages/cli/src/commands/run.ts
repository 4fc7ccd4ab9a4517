import { constants } from 'node:os';
import { associateProject, initRunMeta, initRunUserAttrs, lockRun, makeRun, type RunLock } from '@gage/meta';
import { collectProvenance, ConfigWriteError, opdefVersion, opRunCommand, planConfigPatch, readProjectConfig, resolveRunConfig, stageRun, type CollectedProvenance } from '@gage/stage';
import { OpRef, type Config, type ConfigValue, type Run } from '@gage/types';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { confirm } from '../output/confirm.js';
import { formatWarning } from '../output/format-warning.js';
import { platformDescription } from '../platform-description.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { whereOption } from './_common-options.js';
import { parseJobs } from './_parse-jobs.js';
import { requireGagefile } from './_operations.js';
import { requireGageCommand, startInBackground } from './_run-background.js';
import { execAndFinalize, runDisplay, type RunDisplay } from './_run-exec.js';
import { abortOnSignals, type StopSignal } from './_abort-on-signals.js';
import { formatPreview, previewJson, previewRun } from './_run-preview.js';
import { formatHelpOp, formatRunConfirm, parseFlags, resolveRunOperation, splitRunArgs } from './_run-op.js';
import { startStaged } from './_start-staged.js';

/** `gage run`, docs/spec/cli.md 5.1. */
export const spec = defineCommand({
  name: 'run',
  usage: '[options] [operation] [flag=value]...',
  summary: 'Run an operation.',
  description: 'Stage and start a run of an operation.\n\nFlags are NAME=VALUE assignments that set the run config.',
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
    { key: 'preview', flags: ['--preview'], kind: 'flag', help: 'Show what would be staged; make no run.' },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'With --preview: print JSON.' },
    { key: 'help-op', flags: ['--help-op'], kind: 'flag', help: 'Show help for the operation.' },
    { key: 'force-flags', flags: ['--force-flags'], kind: 'flag', help: "Accept flags the operation does not define (recorded, patched into no file) and values its defaults' types cannot take." },
  ],
});

const PHASES: Record<string, string> = {
  'stage-sourcecode': 'Staging source code',
  'stage-config': 'Applying configuration',
  'stage-runtime': 'Staging runtime',
  'stage-dependencies': 'Staging dependencies',
};

/**
 * Stages and runs an operation, or starts a staged run.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['name=Ada', '-y'], 'run'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['start', 'stage'], ['start', 'preview'], ['background', 'stage'], ['background', 'preview']], ctx.cmdPath);
  if (parsed.options.json && !parsed.options.preview) {
    throw new CliError('ERR_GAGE_JSON_WITHOUT_PREVIEW', "'--json' can only be used with '--preview'", { hint: `Try 'gage ${ctx.cmdPath} -h' for help.` });
  }
  const start = parsed.options.start;
  if (parsed.options.where !== undefined && start === undefined) {
    throw new CliError('ERR_GAGE_WHERE_WITHOUT_START', "'--where' can only be used with '--start'", { hint: `Try 'gage ${ctx.cmdPath} -h' for help.` });
  }
  const jobs = parseJobs(ctx, `gage ${ctx.cmdPath} ${spec.usage}`, parsed.options.jobs);
  if (parsed.options.background) requireGageCommand(ctx);
  const project = await loadProject(ctx);
  if (start !== undefined) {
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
  const opdef = resolveRunOperation(gagefile, opSpec, ctx.mode);
  const flags = parseFlags(flagArgs);
  const projectDir = project.projectDir as string;
  if (parsed.options['help-op']) {
    ctx.io.stdout.write(formatHelpOp(opdef, await readProjectConfig(projectDir, opdef), ctx.mode));
    return 0;
  }
  const cmd = opRunCommand(opdef, projectDir);
  const runsDir = resolveRunsDir(ctx, project);
  // Config-file warnings are printed once: by staging for a run, here for a preview.
  const warnings: string[] = [];
  const onWarning = (message: string) => void warnings.push(message);
  const defaults: Config = await readProjectConfig(projectDir, opdef, { runsDir, onWarning });
  const config = resolveRunConfig(defaults, flags, { opName: opdef.name, forceFlags: parsed.options['force-flags'] });
  const plan = await planConfigPatch(projectDir, opdef, config, { runsDir, onWarning: () => {} });
  if (plan.problems.length > 0) throw new ConfigWriteError(plan.problems);
  if (parsed.options.preview) {
    const preview = await previewRun(opdef, projectDir, runsDir, defaults, config);
    for (const w of [...warnings, ...preview.warnings]) ctx.io.stderr.write(formatWarning(w));
    ctx.io.stdout.write(parsed.options.json ? previewJson(preview) : formatPreview(preview, ctx.mode));
    return 0;
  }
  const stageOnly = parsed.options.stage;
  if (!parsed.options.yes) {
    ctx.io.stderr.write(formatRunConfirm(`${stageOnly ? 'stage' : 'run'} ${opdef.name}`, config));
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  const display = runDisplay(ctx, parsed.options.quiet);
  // From before the run exists: a signal stops initializing and staging cleanly (the run stays pending, unlocked).
  const stop = abortOnSignals();
  // Started after the prompt (the state recorded is the state staged), before the run is made: its git and
  // interpreter processes overlap making, initializing and copying the run.
  const provenance = collectProvenance(projectDir, { command: cmd.args, signal: stop.signal });
  provenance.catch(() => undefined); // awaited by staging; never an unhandled rejection when staging is not reached
  let lock: RunLock | undefined;
  try {
    let run: Run;
    try {
      run = await makeRun(runsDir);
      lock = await lockRun(run, { onCompromised: (err: Error) => ctx.io.stderr.write(`WARNING: lock of run "${run.id}" compromised: ${err.message}\n`) });
      const opref = OpRef(project.namespace as string, opdef.name, opdefVersion(opdef) ?? undefined);
      await initRunMeta(run, opref, opdef, config, cmd, { platform: platformDescription(), flags: changedFlags(defaults, config) });
      const label = parsed.options.label;
      await initRunUserAttrs(run, label ? { label } : {});
      await associateProject(run, projectDir);
      await stage(ctx, run, projectDir, lock, display, stop.signal, provenance);
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
      return await startInBackground(ctx, [run], runsDir, { jobs, keepGoing: false });
    }
    return await execAndFinalize(ctx, run, lock, display, opdef.name);
  } finally {
    display.status.stop();
    await lock?.release();
  }
}

/** Ends `gage run` stopped by a signal before its run started: `Aborted.` for SIGINT, `128 + signum`. */
function stopped(ctx: Context, display: RunDisplay, signal: AbortSignal, staged: Run | undefined): number {
  const sig = signal.reason as StopSignal;
  display.status.stop();
  if (staged) ctx.io.stderr.write(`Run "${staged.name}" is staged; to start it, run 'gage run --start ${staged.name}'\n`);
  if (sig === 'SIGINT') ctx.io.stderr.write('Aborted.\n');
  return 128 + constants.signals[sig];
}

async function stage(
  ctx: Context, run: Run, projectDir: string, lock: RunLock, display: RunDisplay, signal: AbortSignal, provenance: Promise<CollectedProvenance>,
): Promise<void> {
  try {
    await stageRun(run, projectDir, {
      lock,
      signal,
      provenance,
      onOutput: display.onOutput,
      onWarning: (message: string) => {
        display.echo?.flush();
        display.status.write(ctx.io.stderr, formatWarning(message));
      },
      onPhase: (phase: string) => {
        const text = PHASES[phase];
        if (text) display.status.set(text);
      },
    });
  } finally {
    display.echo?.flush();
  }
}

/** The flags that set a value other than the operation's default, in config order (decision 25: the runs list shows them). */
function changedFlags(defaults: Config, config: Config): string[] {
  const same = (a: ConfigValue, b: ConfigValue) => typeof a === typeof b && (typeof a === 'number' ? Object.is(a, b) : a === b);
  return Object.keys(config).filter((k) => !Object.hasOwn(defaults, k) || !same(defaults[k] as ConfigValue, config[k] as ConfigValue));
}
