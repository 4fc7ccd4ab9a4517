import type { Run } from '@gage/types';
import { type StageOptions } from './stage-options.js';
/**
 * Staging phase 4 (lifecycle.md 7.1, stage.md 6): resolves the declared
 * dependencies (project files are copied, or linked with `link: true`;
 * kinds the spec leaves for later are refused), runs the
 * `stage-dependencies` hook and logs what they added with type `d`.
 *
 * @throws {DependsNotSupportedError} for a run-files or runs-summary dependency.
 * @throws {DependencyNotFoundError} for project-files patterns that match nothing.
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageDependencies(run, projectDir); // data/train.csv now in the run dir, type d
 * ```
 */
export declare function stageDependencies(run: Run, projectDir: string, options?: StageOptions): Promise<void>;
//# sourceMappingURL=stage-dependencies.d.ts.map