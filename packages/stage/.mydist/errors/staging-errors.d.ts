import { GageError } from '@gage/types';
/**
 * The operation declares a dependency that staging cannot resolve yet
 * (stage.md 6 defers resolution): `Cannot stage operation <op>: <type>
 * dependencies are not supported yet`.
 *
 * @example
 * ```ts
 * throw new DependsNotSupportedError('train', 'project-files');
 * ```
 */
export declare class DependsNotSupportedError extends GageError {
    readonly opName: string;
    readonly dependencyType: string;
    constructor(opName: string, dependencyType: string);
}
/**
 * A project-files dependency (stage.md 6) whose patterns match no file of the
 * project: the run would start without files it declared it needs.
 *
 * @example
 * ```ts
 * throw new DependencyNotFoundError('train', ['data/*.csv']);
 * ```
 */
export declare class DependencyNotFoundError extends GageError {
    readonly opName: string;
    readonly patterns: readonly string[];
    constructor(opName: string, patterns: readonly string[]);
}
/**
 * `stageRun` was called on a run that is already staged (lifecycle.md 7.1).
 *
 * @example
 * ```ts
 * throw new AlreadyStagedError(run.id); // run <id> is already staged
 * ```
 */
export declare class AlreadyStagedError extends GageError {
    /** The run's id. */
    readonly runId: string;
    constructor(runId: string);
}
//# sourceMappingURL=staging-errors.d.ts.map