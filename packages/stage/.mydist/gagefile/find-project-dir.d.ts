/** Entries that mark a project dir (stage.md 1.1), files or directories. */
export declare const PROJECT_MARKERS: readonly string[];
/** Options of {@link findProjectDir}. */
export interface FindProjectDirOptions {
    /** Environment to read `PROJECT_DIR` from; not read when absent. */
    env?: {
        PROJECT_DIR?: string | undefined;
    } | undefined;
    /** The walk ends after this directory has been checked. */
    stopDir?: string | undefined;
}
/**
 * Finds the project dir (stage.md 1.1): a non-empty `env.PROJECT_DIR` as is;
 * otherwise the nearest directory from `cwd` up to the root (or `stopDir`)
 * that contains one of {@link PROJECT_MARKERS}. The nearest marker wins, even
 * without a Gage file. Returns `undefined` when there is no project.
 *
 * @example
 * ```ts
 * const projectDir = await findProjectDir(process.cwd(), { env: process.env });
 * ```
 */
export declare function findProjectDir(cwd: string, options?: FindProjectDirOptions): Promise<string | undefined>;
//# sourceMappingURL=find-project-dir.d.ts.map