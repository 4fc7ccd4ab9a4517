import type { OpRef } from './opref.js';

/** A run as the packages pass it around (docs/spec/lifecycle.md 3). */
export interface Run {
  /** Run id, a UUID v4 (or a short test id). */
  id: string;
  /** Proquint name derived from the id. */
  name: string;
  /** The run directory (`<runsDir>/<id>`), cwd of the run process. */
  runDir: string;
  /** The meta directory (`<id>.meta`, or `<id>.meta.deleted` for a deleted run). */
  metaDir: string;
  /** Set once `initRunMetaSync` wrote it, or when loaded from disk. */
  opref?: OpRef | undefined;
}

/** Every status a run can have (docs/spec/lifecycle.md 11). */
export const RUN_STATUSES = ['unknown', 'pending', 'staged', 'queued', 'running', 'completed', 'error', 'terminated'] as const;

/** Status of a run. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Names of the run timestamp meta files. */
export type RunTimestampName = 'initialized' | 'staged' | 'started' | 'stopped';

/** Files-log types: source, runtime, dependency, generated. */
export type RunFileType = 's' | 'r' | 'd' | 'g';
