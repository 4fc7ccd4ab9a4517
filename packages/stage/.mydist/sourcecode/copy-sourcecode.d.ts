import type { SourcecodePlan } from './plan-sourcecode.js';
/** Options of {@link copySourcecode}. */
export interface CopySourcecodeOptions {
    /** Called for a planned file that disappeared before it could be copied. */
    onWarning?: ((message: string) => void) | undefined;
}
/**
 * Copies the planned files to the same relative paths under `runDir`
 * (stage.md 4.6): parents created, content and permission bits copied; a
 * symlinked file is copied as its content. Returns the copied paths.
 *
 * Each file is one synchronous `copyFile` (which copies the permission
 * bits too), each target dir one `mkdir`: for many small files, a
 * thread-pool round trip per call, a `stat` and `chmod` per file and a
 * `mkdir -p` per file made staging ~10x slower than `cp -r`.
 *
 * @example
 * ```ts
 * const plan = await planSourcecode(projectDir, sourcecodePatterns(opdef));
 * await copySourcecode(plan, run.runDir); // ['say.py']
 * ```
 */
export declare function copySourcecode(plan: Pick<SourcecodePlan, 'srcDir' | 'paths'>, runDir: string, options?: CopySourcecodeOptions): Promise<string[]>;
//# sourceMappingURL=copy-sourcecode.d.ts.map