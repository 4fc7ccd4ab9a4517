import type { JsonObject, OpDef } from '@gage/types';
/**
 * The opdef's dependencies (stage.md 2.4, 6): absent -> `[]`, object ->
 * `[obj]`, array as is.
 *
 * @example
 * ```ts
 * opdefDepends(OpDef('train', { depends: { files: 'data.csv' } })); // [{ files: 'data.csv' }]
 * ```
 */
export declare function opdefDepends(opdef: OpDef): JsonObject[];
/**
 * A dependency's type (stage.md 2.4): `type` if set; else `run-files` if
 * `run-select` is set; else `project-files` if `files` is set; else `''`.
 *
 * @example
 * ```ts
 * dependencyType({ files: 'data.csv' }); // 'project-files'
 * ```
 */
export declare function dependencyType(dependency: JsonObject): string;
/**
 * Staging calls this before anything is copied. Project-files dependencies
 * are resolved at staging (stage.md 6); resolving run files and runs
 * summaries is left for later by the spec, so such a dependency is refused
 * rather than silently ignored.
 *
 * @throws {DependsNotSupportedError} `Cannot stage operation <op>: run-files dependencies are not supported yet`
 * @example
 * ```ts
 * checkDependsSupported(OpDef('train', { depends: { 'run-select': 'prepare' } })); // throws
 * ```
 */
export declare function checkDependsSupported(opdef: OpDef): void;
//# sourceMappingURL=opdef-depends.d.ts.map