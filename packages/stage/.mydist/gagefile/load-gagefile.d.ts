import { OpDef, type JsonObject } from '@gage/types';
/** Settings of a Gage file (top-level keys starting with `$`, stage.md 2.1). */
export interface GagefileSettings {
    /** `$runs-dir`: runs dir, relative to the project dir. */
    runsDir?: string | undefined;
    /** `$archives-dir`: accepted, unused for now. */
    archivesDir?: string | undefined;
}
/** A loaded Gage file. */
export interface Gagefile {
    /** The path it was loaded from, as given. */
    path: string;
    /** The parsed data (integers as `bigint`). */
    data: JsonObject;
    /** Every top-level key not starting with `$`, in file order, with `gagefile` set to `path`. */
    operations: OpDef[];
    settings: GagefileSettings;
}
/**
 * Loads a Gage file (stage.md 1.3, 2.5): TOML, YAML (1.1 rules) or JSON with
 * whole-line `//` comments, chosen by extension. Shapes that would break
 * loading are rejected with `check`'s messages; unknown opdef keys are not
 * (only `validateGagefile` reports them).
 *
 * @throws {GagefileExtensionError} `unsupported file extension for <path>`
 * @throws {GagefileMissingError} `file does not exist: <path>`
 * @throws {GagefileSyntaxError} with line and column
 * @throws {GagefileInvalidError} with `problems`
 * @example
 * ```ts
 * const gagefile = await loadGagefile('gage.toml');
 * gagefile.operations.map((op) => op.name); // ['hello']
 * ```
 */
export declare function loadGagefile(path: string): Promise<Gagefile>;
//# sourceMappingURL=load-gagefile.d.ts.map