import { lockRun, readMetaFile, readRunOpdef } from '@gage/meta';
import type { Run } from '@gage/types';
import { AlreadyStagedError } from '../errors.js';
import { throwIfStopped } from './_throw-if-stopped.js';
import { checkDependsSupported } from '../gagefile/opdef-depends.js';
import { applyConfig } from './apply-config.js';
import { finalizeStagedRun } from './finalize-staged-run.js';
import { stageDependencies } from './stage-dependencies.js';
import type { StageOptions } from './stage-options.js';
import { stageRuntime } from './stage-runtime.js';
import { stageSourcecode } from './stage-sourcecode.js';

/**
 * Stages an initialized run (lifecycle.md 7): copies the project's source
 * code, applies the run config, runs the staging hooks and writes the
 * manifest, holding the run lock throughout (unless `options.lock` is one
 * the caller holds). Afterwards the run is self-contained: starting it
 * needs only its run dir and meta dir. A failed hook stops staging; the run
 * then stays `pending`. An abort of `options.signal` stops a running hook
 * (with the signal named by the abort reason), runs no further phase and
 * fails with `StagingStoppedError`; the run stays `pending` too.
 *
 * @param run a run after `initRunMeta`
 * @param projectDir the project to stage from
 * @throws {AlreadyStagedError} `run <id> is already staged`.
 * @throws {RunLockedError} when another process holds the run.
 * @throws {RunExecError} when a staging hook exits non-zero.
 * @throws {StagingStoppedError} `ERR_GAGE_STAGING_STOPPED` after an abort of `options.signal`.
 * @example
 * ```ts
 * const run = await makeRun(runsDir);
 * await initRunMeta(run, OpRef('test', 'test'), opdef, {}, OpCmd(['python', 'say.py'], {}));
 * await stageRun(run, '.');
 * ```
 */
export async function stageRun(run: Run, projectDir: string, options: StageOptions = {}): Promise<void> {
  const lock = options.lock ?? (await lockRun(run));
  try {
    if ((await readMetaFile(run, 'staged')) !== undefined) throw new AlreadyStagedError(run.id);
    checkDependsSupported(await readRunOpdef(run));
    const phases = [
      () => stageSourcecode(run, projectDir, { ...options, logFiles: false }),
      () => applyConfig(run, options),
      () => stageRuntime(run, projectDir, options),
      () => stageDependencies(run, projectDir, options),
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
    if (options.lock === undefined) await lock.release();
  }
}
