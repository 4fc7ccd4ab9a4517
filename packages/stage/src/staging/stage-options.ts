import type { RunLock } from '@gage/meta';
import type { OutputCallback } from '@gage/proc';
import type { CollectedProvenance } from '../provenance/collect-provenance.js';

/** Names of the staging phase events, in the order they happen. */
export type StagePhase = 'stage-sourcecode' | 'stage-config' | 'stage-runtime' | 'stage-dependencies' | 'stage-finalize';

/** Options shared by `stageRun` and its phases. */
export interface StageOptions {
  /** A run lock the caller already holds; it is neither taken again nor released. */
  lock?: RunLock | undefined;
  /** Called when a phase starts (the CLI shows it in its status line). */
  onPhase?: ((phase: StagePhase) => void) | undefined;
  /** Called for each line a staging hook prints (stream 0 stdout, 1 stderr). */
  onOutput?: OutputCallback | undefined;
  /**
   * Stops staging (`gage run` aborts it on SIGINT, SIGTERM, SIGHUP): a
   * running hook gets `SIGINT` or the signal named by `signal.reason`
   * (SIGKILL after 10 s), and no further phase runs.
   */
  signal?: AbortSignal | undefined;
  /** Called with each warning (unsupported or unreadable config file...). Default: stderr. */
  onWarning?: ((message: string) => void) | undefined;
  /**
   * `stageRun` records the run's provenance (decision 18): git state,
   * lockfile digests, interpreter, machine, in the meta files
   * `provenance.json` and `provenance.patch`. `true` collects it while the
   * source is copied; a promise from `collectProvenance` (started earlier
   * by the caller, so its helper processes overlap more work) is awaited
   * and recorded. Default false, so that a library caller's meta dir holds
   * exactly the files of docs/spec/lifecycle.md 7; the `gage` CLI records it.
   */
  provenance?: boolean | Promise<CollectedProvenance> | undefined;
}

/** Writes a warning the way every Gage package does by default. */
export function defaultWarning(message: string): void {
  process.stderr.write(`WARNING: ${message}\n`);
}
