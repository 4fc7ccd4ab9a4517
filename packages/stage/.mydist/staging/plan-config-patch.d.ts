import type { Config, OpDef } from '@gage/types';
import type { PatchedFile } from '../config/format-patched-diff.js';
/** Options of {@link planConfigPatch}. */
export interface PlanConfigPatchOptions {
    /** Called with each warning (unsupported or unreadable config file). Default: stderr. */
    onWarning?: ((message: string) => void) | undefined;
    /** The runs dir, never scanned when it lies inside `rootDir`. */
    runsDir?: string | undefined;
}
/** What {@link planConfigPatch} would change. */
export interface ConfigPatchPlan {
    /** Every file whose text changes, from the original to the final text. */
    files: PatchedFile[];
    /** Values that cannot be written: `"<file>": <key>: <why>`, one per value. */
    problems: string[];
}
/**
 * Plans writing `config` into the config files of `opdef` under `rootDir`
 * (stage.md 5.11): reads the files, writes nothing. `applyConfig` applies
 * such a plan to a run dir; the CLI plans against the project first so that
 * a value a file cannot hold is an error before any run is made.
 *
 * @example
 * ```ts
 * const plan = await planConfigPatch(projectDir, opdef, { msg: 'Ho there' });
 * plan.files[0]?.newText; // 'msg = "Ho there"\nprint(msg)\n'
 * ```
 */
export declare function planConfigPatch(rootDir: string, opdef: OpDef, config: Config, options?: PlanConfigPatchOptions): Promise<ConfigPatchPlan>;
//# sourceMappingURL=plan-config-patch.d.ts.map