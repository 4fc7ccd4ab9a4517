/** Options of {@link selectConfigFiles}. */
export interface SelectConfigFilesOptions {
    /** The runs dir: never scanned when it lies inside `rootDir`. */
    runsDir?: string | undefined;
}
/**
 * Chooses the files of one config object (stage.md 5.2): `filePatterns` are
 * the file parts of its config paths (excluded ones prefixed with `-`),
 * evaluated like source code patterns with no type, size or count limit
 * unless written. Top-level directories are pruned unless an include pattern
 * starts with `<dir>/`, or an include pattern's first segment has a wildcard
 * (`**\/x.py`, `*\/x.py`) and the directory is not hidden.
 * Returns relative paths sorted by code point.
 *
 * @example
 * ```ts
 * await selectConfigFiles(run.runDir, ['train.py', 'conf/**\/*.yaml']); // ['conf/a.yaml', 'train.py']
 * ```
 */
export declare function selectConfigFiles(rootDir: string, filePatterns: readonly string[], options?: SelectConfigFilesOptions): Promise<string[]>;
//# sourceMappingURL=select-config-files.d.ts.map