import { ConfigWriteError, planConfigPatch, planTrials, readBatchFile, resolveRunConfig, type RunFlag, type TrialPlan } from '@gage/stage';
import type { Config, OpDef } from '@gage/types';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors.js';

/** The options of `gage run` that make trials (docs/spec/cli.md 5.1 Batches, decision 23). */
export interface TrialOptions {
  /** `-b` files, in command-line order. */
  batch: string[];
  /** `-m/--max-runs` as typed. */
  maxRuns: string | undefined;
  /** `--random-seed` as typed. */
  randomSeed: string | undefined;
  forceFlags: boolean;
}

/** What `gage run` would make: the trial plan and the config of each trial. */
export interface RunTrials {
  plan: TrialPlan;
  /** The batch files as given. */
  files: string[];
  /** One config per trial: defaults, batch row, flags (checked and typed, decisions 15 and 17). */
  configs: Config[];
}

/** Where the trials come from: the operation, its defaults and the project. */
export interface TrialSource {
  opdef: OpDef;
  defaults: Config;
  projectDir: string;
  runsDir: string;
  /** `gage run`'s usage line, for usage errors. */
  usage: string;
}

/**
 * Reads the batch files, expands the sweeps and resolves the config of
 * every trial before anything is made (docs/spec/cli.md 5.1): an unknown flag, a
 * value of the wrong type or a value a config file cannot hold in any trial
 * fails the whole batch, exit 1, with nothing staged.
 *
 * @example
 * ```ts
 * const { plan, configs } = await runTrials(ctx, flags, options, source);
 * ```
 */
export async function runTrials(ctx: Context, flags: RunFlag[], options: TrialOptions, source: TrialSource): Promise<RunTrials> {
  const maxRuns = integerOption(ctx, source.usage, "'-m' / '--max-runs'", options.maxRuns, /^[+-]?\d+$/, 'a valid integer');
  const randomSeed = integerOption(ctx, source.usage, "'--random-seed'", options.randomSeed, /^\+?\d+$/, 'a valid seed (a whole number, 0 or more)');
  const batches = [];
  for (const file of options.batch) batches.push(await readBatchFile(file, { cwd: ctx.cwd }));
  const plan = planTrials(flags, { batches, maxRuns, randomSeed });
  if (maxRuns !== undefined && plan.search === 'single') {
    throw new CliError('ERR_GAGE_BATCH_OPTION', "'--max-runs' can only be used with a batch or a sweep", {
      hint: 'Give a batch file (-b FILE) or a flag value in sweep syntax, such as lr=[0.1,0.01].',
    });
  }
  if (randomSeed !== undefined && plan.search !== 'random') {
    throw new CliError('ERR_GAGE_BATCH_OPTION', "'--random-seed' can only be used with a random sweep", {
      hint: 'Random sweeps use uniform[a:b], loguniform[a:b], randint[a:b] or choice[a,b,...].',
    });
  }
  if (plan.trials.length === 0) {
    throw new CliError('ERR_GAGE_NOTHING_TO_RUN',
      options.batch.length > 0 ? `Nothing to run in ${options.batch.join(', ')}` : 'Nothing to run: --max-runs is 0');
  }
  const configs: Config[] = [];
  const { opdef, defaults } = source;
  for (const trial of plan.trials) {
    const config = resolveRunConfig(defaults, trial, { opName: opdef.name, forceFlags: options.forceFlags });
    const patch = await planConfigPatch(source.projectDir, opdef, config, { runsDir: source.runsDir, onWarning: () => {} });
    if (patch.problems.length > 0) throw new ConfigWriteError(patch.problems);
    configs.push(config);
  }
  return { plan, files: options.batch, configs };
}

/** The integer value of an option, or a usage error (exit 2) naming it. */
function integerOption(ctx: Context, usage: string, name: string, text: string | undefined, pattern: RegExp, what: string): number | undefined {
  if (text === undefined) return undefined;
  const n = pattern.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(ctx.cmdPath, usage, `Invalid value for ${name}: '${text}' is not ${what}.`);
  return n;
}
