import type { Config, ConfigValue } from '@gage/types';
import type { OutputMode } from '../io.js';
import { encodeJson } from '../output/encode-json.js';
import { formatPanel } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';
import { formatValue } from '../output/format-value.js';
import type { RunTrials } from './_run-trials.js';
import { formatPreview, sourcecodeJson, type RunPreview } from './_run-preview.js';

/**
 * Where the trials of a batch or sweep come from, for the prompt and the
 * preview: `defined in x.csv` for batch files alone (docs/spec/cli.md 5.1),
 * `a grid of x.csv, lr`, `a random search of lr, seed 42`.
 *
 * @example
 * ```ts
 * describeTrials(trials); // 'a grid of x.csv, lr'
 * ```
 */
export function describeTrials(trials: RunTrials): string {
  const { plan } = trials;
  const parts = [...trials.files, ...plan.sweeps].join(', ');
  if (plan.search === 'random') return `a random search of ${parts}, seed ${plan.seed}`;
  return plan.sweeps.length === 0 ? `defined in ${parts}` : `a grid of ${parts}`;
}

/**
 * The `--preview` of a batch or sweep (docs/spec/cli.md 5.1, decision 23): a
 * `Trials` panel saying how many trials of what, a table with one row per
 * trial (`#`, then each key a batch row or flag sets, values as the run
 * would record them), then the `Source Code` panel of a one-run preview.
 *
 * @example
 * ```ts
 * io.stdout.write(formatBatchPreview(trials, preview, mode));
 * ```
 */
export function formatBatchPreview(trials: RunTrials, preview: RunPreview, mode: OutputMode): string {
  const { plan, configs } = trials;
  const to = { width: mode.width, styled: mode.styled, color: mode.color };
  const shown = plan.search === 'grid' && configs.length < plan.total ? ` (the first ${configs.length} of ${plan.total})` : '';
  const head = `${configs.length} ${configs.length === 1 ? 'trial' : 'trials'} (${describeTrials(trials)})${shown}`;
  const keys = setKeys(trials);
  const rows = configs.map((config, i) => [String(i + 1), ...keys.map((k) => (Object.hasOwn(config, k) ? formatValue(config[k]) : ''))]);
  const columns = [{ header: '#', align: 'right' as const }, ...keys.map((k) => ({ header: k }))];
  return (
    formatPanel('Trials', [head], mode.width, { styled: mode.styled, color: mode.color }) +
    formatTable(columns, rows, to) +
    '\n' +
    formatPreview({ ...preview, flags: [] }, mode)
  );
}

/**
 * The `--preview --json` document of a batch or sweep:
 * `{"trials": {"search", "count", "total", "seed", "files", "sweeps",
 * "configs": [...]}, "sourcecode": {...}}` (section 6: 2-space indent).
 *
 * @example
 * ```ts
 * io.stdout.write(batchPreviewJson(trials, preview));
 * ```
 */
export function batchPreviewJson(trials: RunTrials, preview: RunPreview): string {
  const { plan, configs } = trials;
  return encodeJson({
    trials: {
      search: plan.search,
      count: BigInt(configs.length),
      total: Number.isSafeInteger(plan.total) ? BigInt(plan.total) : plan.total,
      seed: plan.seed === undefined ? null : BigInt(plan.seed),
      files: trials.files,
      sweeps: plan.sweeps,
      configs: configs.map(plainConfig),
    },
    sourcecode: sourcecodeJson(preview),
  });
}

/** The keys the trials set (batch rows and flags), in the order they first appear. */
function setKeys(trials: RunTrials): string[] {
  const keys = new Set<string>();
  for (const trial of trials.plan.trials) for (const flag of trial) keys.add(flag.name);
  return [...keys];
}

/** A config as a JSON object whose keys may be anything (`__proto__` included). */
function plainConfig(config: Config): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = {};
  for (const k of Object.keys(config)) Object.defineProperty(out, k, { value: config[k], enumerable: true, writable: true, configurable: true });
  return out;
}
