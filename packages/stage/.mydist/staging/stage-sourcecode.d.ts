import type { Run } from '@gage/types';
import { type StageOptions } from './stage-options.js';
/** Options of {@link stageSourcecode}. */
export interface StageSourcecodeOptions extends StageOptions {
    /** Scan the run dir into `log/files` with type `s` afterwards (default true; `stageRun` scans after config). */
    logFiles?: boolean | undefined;
}
/**
 * Staging phase 1 (lifecycle.md 7.1): copies the selected project files into
 * the run dir (creating it), then runs the `stage-sourcecode` hook. The
 * patterns come from the run's `opdef.json` (stage.md 4.4).
 *
 * @param run an initialized run
 * @param projectDir the project to copy from
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageSourcecode(run, projectDir); // run dir holds the source, log/files lists it
 * ```
 */
export declare function stageSourcecode(run: Run, projectDir: string, options?: StageSourcecodeOptions): Promise<void>;
//# sourceMappingURL=stage-sourcecode.d.ts.map