// Errors of staging (staging/).
import { GageError } from '@gage/types';
import type { StageErrorCode } from './stage-error-code.js';

/**
 * The operation declares a dependency that staging cannot resolve yet
 * (docs/spec/stage.md 6 defers resolution): `Cannot stage operation <op>: <type>
 * dependencies are not supported yet`.
 *
 * @example
 * ```ts
 * throw new DependsNotSupportedError('train', 'project-files');
 * ```
 */
export class DependsNotSupportedError extends GageError<StageErrorCode> {
  readonly opName: string;
  readonly dependencyType: string;

  constructor(opName: string, dependencyType: string) {
    super(
      'ERR_GAGE_DEPENDS_NOT_SUPPORTED',
      `Cannot stage operation ${opName}: ${dependencyType} dependencies are not supported yet`,
      { hint: "Use a project-files dependency, or fetch the files with a 'stage-dependencies' exec command." },
    );
    this.opName = opName;
    this.dependencyType = dependencyType;
  }
}

/**
 * A project-files dependency (docs/spec/stage.md 6) whose patterns match no file of the
 * project: the run would start without files it declared it needs.
 *
 * @example
 * ```ts
 * throw new DependencyNotFoundError('train', ['data/*.csv']);
 * ```
 */
export class DependencyNotFoundError extends GageError<StageErrorCode> {
  readonly opName: string;
  readonly patterns: readonly string[];

  constructor(opName: string, patterns: readonly string[]) {
    super('ERR_GAGE_DEPENDENCY_NOT_FOUND', `Dependency ${JSON.stringify(patterns)} of operation ${opName} matches no project files`, {
      hint: "Check the 'files' patterns of 'depends' in the Gage file.",
    });
    this.opName = opName;
    this.patterns = patterns;
  }
}

/**
 * `stageRun` was called on a run that is already staged (docs/spec/lifecycle.md 7.1).
 *
 * @example
 * ```ts
 * throw new AlreadyStagedError(run.id); // run <id> is already staged
 * ```
 */
export class AlreadyStagedError extends GageError<StageErrorCode> {
  /** The run's id. */
  readonly runId: string;

  constructor(runId: string) {
    super('ERR_GAGE_ALREADY_STAGED', `run ${runId} is already staged`);
    this.runId = runId;
  }
}

/**
 * Staging was stopped through `StageOptions.signal` (Ctrl-C or SIGTERM to
 * `gage run`): `Staging of run <id> was stopped (<reason>)`. The run stays
 * `pending`; a hook that was running was stopped first.
 *
 * @example
 * ```ts
 * throw new StagingStoppedError(run.id, 'SIGINT');
 * ```
 */
export class StagingStoppedError extends GageError<StageErrorCode> {
  /** The run's id. */
  readonly runId: string;
  /** The abort reason, e.g. `SIGINT`. */
  readonly reason: string;

  constructor(runId: string, reason: string, options: { cause?: unknown } = {}) {
    super('ERR_GAGE_STAGING_STOPPED', `Staging of run ${runId} was stopped (${reason})`, {
      hint: "The run stays pending; delete it with 'gage rm' or stage a new one.",
      cause: options.cause,
    });
    this.runId = runId;
    this.reason = reason;
  }
}
