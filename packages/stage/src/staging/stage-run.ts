import { lockRun, readMetaFileSync, readRunCmdSync, readRunOpdefSync } from '@gage/meta';
import type { Run } from '@gage/types';
import { AlreadyStagedError } from '../errors.js';
import { throwIfStopped } from './_throw-if-stopped.js';
import { checkDependsSupported } from '../gagefile/opdef-depends.js';
import { applyConfig } from './apply-config.js';
import { finalizeStagedRun } from './finalize-staged-run.js';
import { stageDependencies } from './stage-dependencies.js';
import { collectProvenance, type CollectedProvenance } from '../provenance/collect-provenance.js';
import { recordProvenanceSync } from '../provenance/record-provenance-sync.js';
import { defaultWarning, type StageOptions } from './stage-options.js';
import { stageRuntime } from './stage-runtime.js';
import { stageSourcecode } from './stage-sourcecode.js';

/**
 * Stages an initialized run (docs/spec/lifecycle.md 7): copies the project's source
 * code, applies the run config, runs the staging hooks and writes the
 * manifest, holding the run lock throughout (unless `options.lock` is one
 * the caller holds). Afterwards the run is self-contained: starting it
 * needs only its run dir and meta dir. A failed hook stops staging; the run
 * then stays `pending`. An abort of `options.signal` stops a running hook
 * (with the signal named by the abort reason), runs no further phase and
 * fails with `StagingStoppedError`; the run stays `pending` too. With
 * `options.provenance` the run's provenance is recorded before the
 * manifest (decision 18).
 *
 * @param run a run after `initRunMetaSync`
 * @param projectDir the project to stage from
 * @throws {AlreadyStagedError} `run <id> is already staged`.
 * @throws {RunLockedError} when another process holds the run.
 * @throws {RunExecError} when a staging hook exits non-zero.
 * @throws {StagingStoppedError} `ERR_GAGE_STAGING_STOPPED` after an abort of `options.signal`.
 * @example
 * ```ts
 * const run = await makeRun(runsDir);
 * initRunMetaSync(run, OpRef('test', 'test'), opdef, {}, OpCmd(['python', 'say.py'], {}));
 * await stageRun(run, '.');
 * ```
 */
export async function stageRun(run: Run, projectDir: string, options: StageOptions = {}): Promise<void> {
  const lock = options.lock ?? (await lockRun(run));
  let provenance: PendingProvenance | undefined;
  try {
    if (readMetaFileSync(run, 'staged') !== undefined) throw new AlreadyStagedError(run.id);
    checkDependsSupported(readRunOpdefSync(run));
    // Provenance is read while the source is copied: its helper processes overlap the staging work.
    provenance = options.provenance === true
      ? startProvenance(run, projectDir, options.signal)
      : options.provenance
      ? { collected: options.provenance, stop: undefined }
      : undefined;
    const phases = [
      () => stageSourcecode(run, projectDir, { ...options, logFiles: false }),
      () => applyConfig(run, options),
      () => stageRuntime(run, projectDir, options),
      () => stageDependencies(run, projectDir, options),
      async () => {
        if (provenance !== undefined) await writeProvenance(run, provenance, options);
      },
      () => finalizeStagedRun(run, options),
    ];
    for (const phase of phases) {
      throwIfStopped(run, options.signal);
      try {
        await phase();
      } catch (err) {
        throwIfStopped(run, options.signal, err);
        throw err;
      }
    }
  } finally {
    // Staging that failed or stopped leaves no helper process behind.
    provenance?.stop?.abort();
    await provenance?.collected;
    if (options.lock === undefined) await lock.release();
  }
}

interface PendingProvenance {
  collected: Promise<CollectedProvenance>;
  /** Stops collecting when staging fails; absent for a collection the caller started (and stops). */
  stop: AbortController | undefined;
}

function startProvenance(run: Run, projectDir: string, signal: AbortSignal | undefined): PendingProvenance {
  const stop = new AbortController();
  signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const { args } = readRunCmdSync(run);
  return { collected: collectProvenance(projectDir, { command: args, signal: stop.signal }), stop };
}

async function writeProvenance(run: Run, pending: PendingProvenance, options: StageOptions): Promise<void> {
  const collected = await pending.collected;
  const warn = options.onWarning ?? defaultWarning;
  for (const message of collected.warnings) warn(message);
  recordProvenanceSync(run, collected);
}
