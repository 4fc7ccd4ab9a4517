import type { JsonObject, Run } from '@gage/types';
/** Options of {@link resolveProjectFiles}. */
export interface ResolveProjectFilesOptions {
    /** The operation's name, for messages. */
    opName: string;
    onWarning: (message: string) => void;
}
/**
 * Resolves a project-files dependency (stage.md 6): the project files its
 * `files` patterns select (the pattern rules of stage.md 4.1, no type or size
 * limit unless written) are copied into the run dir at the same paths, or
 * linked there (absolute symlinks) when `link` is true. A file that staging
 * already put at that path is left as it is. Returns the resolved paths.
 *
 * @throws {DependencyNotFoundError} when the patterns select no file.
 * @example
 * ```ts
 * await resolveProjectFiles(run, projectDir, { files: 'data/*.csv', link: true }, { opName: 'train', onWarning });
 * ```
 */
export declare function resolveProjectFiles(run: Run, projectDir: string, dependency: JsonObject, options: ResolveProjectFilesOptions): Promise<string[]>;
//# sourceMappingURL=resolve-project-files.d.ts.map