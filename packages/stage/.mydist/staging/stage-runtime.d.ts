import type { Run } from '@gage/types';
import type { StageOptions } from './stage-options.js';
/**
 * Staging phase 3 (lifecycle.md 7.1): runs the `stage-runtime` hook, if the
 * operation has one, and logs what it created with files-log type `r`.
 *
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageRuntime(run, projectDir); // e.g. a hook that makes .venv
 * ```
 */
export declare function stageRuntime(run: Run, projectDir: string, options?: StageOptions): Promise<void>;
//# sourceMappingURL=stage-runtime.d.ts.map