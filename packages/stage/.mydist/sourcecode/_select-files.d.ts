import type { SourcePattern } from './parse-source-pattern.js';
/** A path the selection passed over, and why. */
export interface SkippedPath {
    /** Relative path with `/` separators. */
    path: string;
    reason: 'broken-symlink' | 'outside-project' | 'symlink-cycle' | 'runs-dir' | 'max-matches' | 'unreadable';
}
export interface SelectFilesOptions {
    /** Never scanned when it lies inside the root (compared by real path). */
    runsDir?: string | undefined;
    /** Top-level directory names not scanned at all (config file pruning, stage.md 5.2). */
    pruneTopDirs?: ReadonlySet<string> | undefined;
}
export interface SelectFilesResult {
    paths: string[];
    skipped: SkippedPath[];
    warnings: string[];
}
/**
 * Selects files under `rootDir` with the rules of stage.md 4.2 and the
 * traversal of 4.3: top-down; in each directory prune subdirectories (sorted),
 * test files (sorted), then descend. Symlinks are followed inside the root
 * only; cycles, broken links and the runs dir are skipped. The tree is read
 * with synchronous calls: per-file thread-pool round trips dominated staging.
 */
export declare function selectFiles(rootDir: string, patterns: readonly SourcePattern[], options?: SelectFilesOptions): Promise<SelectFilesResult>;
//# sourceMappingURL=_select-files.d.ts.map