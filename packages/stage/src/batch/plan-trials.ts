import { SweepError, TooManyTrialsError } from '../errors.js';
import type { RunFlag } from '../config/parse-run-flag.js';
import type { BatchFile } from './read-batch-file.js';
import { parseSweep, type Sweep } from './parse-sweep.js';
import { seededRandom } from './_seeded-random.js';

/** Most trials of a batch or grid run without `--max-runs` (decision 23). */
export const MAX_TRIALS = 10_000;

/** Trials of a random sweep without `--max-runs` (decision 23). */
export const DEFAULT_RANDOM_TRIALS = 20;

/** Options of {@link planTrials}. */
export interface PlanTrialsOptions {
  /** The batch files (`-b`), in command-line order. */
  batches?: readonly BatchFile[] | undefined;
  /** `--max-runs`: the first N trials of a grid (a negative N: all), the number of random trials. */
  maxRuns?: number | undefined;
  /** `--random-seed`; a random sweep without one gets a new seed (returned in the plan). */
  randomSeed?: number | undefined;
}

/** The trials of one `gage run`, each a list of run flags. */
export interface TrialPlan {
  /** `single`: no batch file and no sweep (one trial, the flags as given); `grid`; `random`. */
  search: 'single' | 'grid' | 'random';
  /**
   * The flags of each trial: the batch rows (in file order), then the
   * command-line flags with each sweep replaced by one of its values. Pass
   * each to `resolveRunConfig`: the last flag of a name wins, so a
   * command-line flag overrides a batch row.
   */
  trials: RunFlag[][];
  /** Trials of the whole grid before `--max-runs` (a random sweep: `trials.length`). */
  total: number;
  /** The seed of a random sweep. */
  seed: number | undefined;
  /** The names of the flags given in sweep syntax, in command-line order. */
  sweeps: string[];
}

/**
 * Expands batch files and sweep flags into trials (docs/spec/cli.md 5.1 Batches,
 * decision 23). A grid is the product of the batch files' rows and the grid
 * sweeps' values, the first varying slowest; `--max-runs N` keeps its first
 * N trials, and a grid of more than {@link MAX_TRIALS} without it is refused
 * before any trial is made. A random sweep (any of `uniform`, `loguniform`,
 * `randint`, `choice`) draws `--max-runs` trials ({@link DEFAULT_RANDOM_TRIALS}
 * by default); in it the batch rows and grid values are drawn too, each
 * with equal chance. The same seed gives the same trials. Of several flags
 * of one name only the last counts.
 *
 * @param flags the command-line flags (`parseRunFlag`), in order
 * @throws {SweepError} `ERR_GAGE_SWEEP`: a sweep that does not parse, a negative `--max-runs` for a random sweep
 * @throws {TooManyTrialsError} `ERR_GAGE_TOO_MANY_TRIALS`
 * @example
 * ```ts
 * const plan = planTrials([parseRunFlag('lr=[0.1,0.01]'), parseRunFlag('bs=range[16:32:16]')]);
 * plan.trials.map((t) => t.map((f) => f.text).join(' ')); // ['0.1 16', '0.1 32', '0.01 16', '0.01 32']
 * ```
 */
export function planTrials(flags: readonly RunFlag[], options: PlanTrialsOptions = {}): TrialPlan {
  const batches = options.batches ?? [];
  const last = flags.filter((f, i) => flags.findLastIndex((g) => g.name === f.name) === i);
  const sweeps = last.map((f) => parseSweep(f));
  const names = last.filter((_, i) => sweeps[i] !== undefined).map((f) => f.name);
  if (batches.length === 0 && names.length === 0) return { search: 'single', trials: [[...flags]], total: 1, seed: undefined, sweeps: [] };
  const axes: Axis[] = [
    ...batches.map((b): Axis => ({ size: b.rows.length, at: (i) => b.rows[i] as RunFlag[] })),
    ...last.map((f, i): Axis => axisOf(f, sweeps[i])),
  ];
  if (sweeps.some((s) => s?.kind === 'random')) return randomPlan(axes, names, options);
  const total = axes.reduce((n, a) => n * a.size, 1);
  const maxRuns = options.maxRuns;
  if (maxRuns === undefined && total > MAX_TRIALS) throw new TooManyTrialsError(total, MAX_TRIALS);
  const count = maxRuns === undefined || maxRuns < 0 ? total : Math.min(maxRuns, total);
  const trials: RunFlag[][] = [];
  for (let t = 0; t < count; t++) {
    const picks: RunFlag[][] = new Array(axes.length);
    let rest = t;
    for (let k = axes.length - 1; k >= 0; k--) {
      const axis = axes[k] as Axis;
      picks[k] = axis.at(rest % axis.size);
      rest = Math.floor(rest / axis.size);
    }
    trials.push(picks.flat());
  }
  return { search: 'grid', trials, total, seed: undefined, sweeps: names };
}

/** One factor of the product: batch rows, a grid sweep's values, a plain flag (size 1) or a random sweep (drawn). */
interface Axis {
  size: number;
  at(index: number): RunFlag[];
  draw?: (random: () => number) => RunFlag[];
}

function axisOf(flag: RunFlag, sweep: Sweep | undefined): Axis {
  if (sweep === undefined) return { size: 1, at: () => [flag] };
  if (sweep.kind === 'grid') return { size: sweep.size, at: (i) => [sweep.at(i)] };
  return { size: 1, at: () => [], draw: (random) => [sweep.draw(random)] };
}

function randomPlan(axes: Axis[], names: string[], options: PlanTrialsOptions): TrialPlan {
  const maxRuns = options.maxRuns ?? DEFAULT_RANDOM_TRIALS;
  if (maxRuns < 0) {
    throw new SweepError(undefined, `A random sweep needs a number of trials: got --max-runs ${maxRuns}`, {
      hint: `Use --max-runs N with N of 0 or more (default ${DEFAULT_RANDOM_TRIALS}).`,
    });
  }
  const seed = options.randomSeed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  // Batch files with no rows leave nothing to draw from.
  const count = axes.some((a) => a.size === 0) ? 0 : maxRuns;
  const trials: RunFlag[][] = [];
  for (let t = 0; t < count; t++) {
    trials.push(axes.flatMap((a) => (a.draw ? a.draw(random) : a.at(a.size === 1 ? 0 : Math.floor(random() * a.size)))));
  }
  return { search: 'random', trials, total: count, seed, sweeps: names };
}
