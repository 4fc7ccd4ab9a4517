import { configEquals, type Config, type OpRef, type Run } from '@gage/types';
import { entryStatus, readConfig } from '../runs/_run-parts.js';
import { listRunEntries, type RunEntry } from '../runs/run-list.js';

/** The runs `--needed` compares a new run with (docs/spec/cli.md 5.1 `--needed`). */
export interface ComparableRuns {
  /** The newest comparable run for `config`, if any. */
  find(config: Config): Promise<Run | undefined>;
  /** Counts a run this `gage run` just staged (a batch with two equal rows runs once). */
  add(run: Run, config: Config): void;
}

/**
 * Lists the runs of `runsDir` once for `--needed` (docs/spec/cli.md 5.1): a run is
 * comparable when it has the same namespace, operation name and version,
 * any status but `error` (staged, running and terminated runs count), and
 * a config that `configEquals` finds equal. The newest one is returned.
 * Configs are read once per run, and statuses only of runs whose config
 * matches.
 *
 * @example
 * ```ts
 * const comparable = await comparableRuns(runsDir, opref);
 * const run = await comparable.find(config); // skip when found
 * ```
 */
export async function comparableRuns(runsDir: string, opref: OpRef): Promise<ComparableRuns> {
  const entries = (await listRunEntries(runsDir)).filter((e) => sameOp(e.opref, opref));
  const configs = new Map<RunEntry, Config>();
  const added: { run: Run; config: Config }[] = [];
  return {
    async find(config) {
      for (let i = added.length - 1; i >= 0; i--) {
        const a = added[i] as { run: Run; config: Config };
        if (configEquals(a.config, config)) return a.run;
      }
      for (const entry of entries) {
        let stored = configs.get(entry);
        if (!stored) configs.set(entry, stored = readConfig(entry));
        if (configEquals(stored, config) && (await entryStatus(entry)) !== 'error') return entry.run;
      }
      return undefined;
    },
    add(run, config) {
      added.push({ run, config });
    },
  };
}

function sameOp(a: OpRef | undefined, b: OpRef): boolean {
  return a !== undefined && a.ns === b.ns && a.name === b.name && (a.version ?? '') === (b.version ?? '');
}
