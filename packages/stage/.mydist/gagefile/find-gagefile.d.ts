/** Gage file names looked up in a project dir, first existing wins (stage.md 1.2). */
export declare const GAGEFILE_CANDIDATES: readonly string[];
/**
 * Finds the project's Gage file (stage.md 1.2): the first of
 * {@link GAGEFILE_CANDIDATES} that exists as a file in `projectDir` (no
 * walking up, no merging). Returns `<projectDir>/<candidate>` as written
 * (`./gage.toml` for `.`, as `gage check .` reports it) or `undefined`.
 *
 * @example
 * ```ts
 * await findGagefile('.'); // './gage.toml'
 * ```
 */
export declare function findGagefile(projectDir: string): Promise<string | undefined>;
//# sourceMappingURL=find-gagefile.d.ts.map