import { associateProject, initRunMetaSync, initRunUserAttrs, lockRun, makeRun, type RunLock } from '@gage/meta';
import { opdefVersion, stageRun, type CollectedProvenance } from '@gage/stage';
import { OpRef, type Config, type ConfigValue, type JsonObject, type OpCmd, type OpDef, type Run } from '@gage/types';
import type { Context } from '../context.js';
import { formatWarning } from '../output/format-warning.js';
import { platformDescription } from '../platform-description.js';
import type { RunDisplay } from './_run-exec.js';

/** What a new run is made of (docs/spec/cli.md 5.1 Execution, step 1). */
export interface NewRun {
  runsDir: string;
  projectDir: string;
  namespace: string;
  opdef: OpDef;
  cmd: OpCmd;
  /** The operation's defaults, to record which flags changed them. */
  defaults: Config;
  /** The run config: defaults, batch row and flags. */
  config: Config;
  /** The run's first user attributes (`label`, `batch`, `batch-index`, ...); none when empty. */
  userAttrs: JsonObject;
}

/** Options of {@link stageNewRun}. */
export interface StageNewRunOptions {
  display: RunDisplay;
  /** Stops staging (a signal to `gage`): the run stays pending. */
  signal: AbortSignal;
  /** The provenance collected once for this `gage run` (decision 18). */
  provenance: Promise<CollectedProvenance>;
}

const PHASES: Record<string, string> = {
  'stage-sourcecode': 'Staging source code',
  'stage-config': 'Applying configuration',
  'stage-runtime': 'Staging runtime',
  'stage-dependencies': 'Staging dependencies',
};

/**
 * Makes a run, takes its lock, writes its meta (operation, config, command,
 * platform, changed flags), its user attributes and project, and stages it
 * (docs/spec/cli.md 5.1 Execution, step 1). Resolves with the staged run and
 * its lock, still held; when anything fails the lock is released and the
 * error is thrown (the run stays pending).
 *
 * @example
 * ```ts
 * const { run, lock } = await stageNewRun(ctx, newRun, { display, signal: stop.signal, provenance });
 * ```
 */
export async function stageNewRun(ctx: Context, spec: NewRun, options: StageNewRunOptions): Promise<{ run: Run; lock: RunLock }> {
  const run = await makeRun(spec.runsDir);
  const lock = await lockRun(run, { onCompromised: (err: Error) => ctx.io.stderr.write(`WARNING: lock of run "${run.id}" compromised: ${err.message}\n`) });
  try {
    const opref = OpRef(spec.namespace, spec.opdef.name, opdefVersion(spec.opdef) ?? undefined);
    initRunMetaSync(run, opref, spec.opdef, spec.config, spec.cmd, { platform: platformDescription(), flags: changedFlags(spec.defaults, spec.config) });
    await initRunUserAttrs(run, spec.userAttrs);
    await associateProject(run, spec.projectDir);
    await stage(ctx, run, spec.projectDir, lock, options);
    return { run, lock };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function stage(ctx: Context, run: Run, projectDir: string, lock: RunLock, options: StageNewRunOptions): Promise<void> {
  const { display } = options;
  try {
    await stageRun(run, projectDir, {
      lock,
      signal: options.signal,
      provenance: options.provenance,
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
