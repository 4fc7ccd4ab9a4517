import type { Run } from '@gage/types';
import type { StageOptions } from './stage-options.js';
/**
 * Stages an initialized run (lifecycle.md 7): copies the project's source
 * code, applies the run config, runs the staging hooks and writes the
 * manifest, holding the run lock throughout (unless `options.lock` is one
 * the caller holds). Afterwards the run is self-contained: starting it
 * needs only its run dir and meta dir. A failed hook stops staging; the run
 * then stays `pending`.
 *
 * @param run a run after `initRunMeta`
 * @param projectDir the project to stage from
 * @throws {AlreadyStagedError} `run <id> is already staged`.
 * @throws {RunLockedError} when another process holds the run.
 * @throws {RunExecError} when a staging hook exits non-zero.
 * @example
 * ```ts
 * const run = await makeRun(runsDir);
 * await initRunMeta(run, OpRef('test', 'test'), opdef, {}, OpCmd(['python', 'say.py'], {}));
 * await stageRun(run, '.');
 * ```
 */
export declare function stageRun(run: Run, projectDir: string, options?: StageOptions): Promise<void>;
//# sourceMappingURL=stage-run.d.ts.map