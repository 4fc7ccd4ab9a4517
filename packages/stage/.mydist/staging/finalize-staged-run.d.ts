import type { Run } from '@gage/types';
import type { StageOptions } from './stage-options.js';
/**
 * Staging phase 5 (lifecycle.md 7.1): writes the manifest (sha256 of every
 * staged file), makes the staged files read-only and writes `staged`.
 *
 * @example
 * ```ts
 * await finalizeStagedRun(run); // runStatus(run) is now 'staged'
 * ```
 */
export declare function finalizeStagedRun(run: Run, options?: StageOptions): Promise<void>;
//# sourceMappingURL=finalize-staged-run.d.ts.map