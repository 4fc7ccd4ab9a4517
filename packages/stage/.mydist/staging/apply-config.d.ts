import type { Run } from '@gage/types';
import type { StageOptions } from './stage-options.js';
/**
 * Staging phase 2 (lifecycle.md 7.1, stage.md 5.11): writes the run config
 * (`config.json`) into the copied files of the run dir, changing only the
 * bytes of values that change; writes `log/patched` (always, empty when
 * nothing changed) and scans the run dir into `log/files` with type `s`.
 * Keys the run config sets but no file defines are applied nowhere.
 *
 * @throws {ConfigWriteError} when a value cannot be written into its file
 *   (null into TOML, a non-finite float into JSON); no file is changed then.
 * @example
 * ```ts
 * await applyConfig(run); // say.py in the run dir now reads msg = "Ho there"
 * ```
 */
export declare function applyConfig(run: Run, options?: StageOptions): Promise<void>;
//# sourceMappingURL=apply-config.d.ts.map