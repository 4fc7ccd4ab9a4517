import type { JsonObject } from '@gage/types';
import type { ForeignRunRef } from './find-foreign-runs.js';

/** One user attribute log entry to write for an imported run. */
export interface ImportedAttrEntry {
  author: string;
  set: JsonObject;
}

/**
 * A foreign run read and converted in memory, ready to be written in this
 * project's layout (docs/spec/import.md 3).
 */
export interface ConvertedRun {
  ref: ForeignRunRef;
  /** Meta files by path relative to the meta dir, in this project's encoding; written read-only. */
  meta: Map<string, string | Uint8Array>;
  /** Entries of the run dir not to take (Guild: `.guild`). */
  exclude: string[];
  /** Dirs (relative to the source run dir) whose files go to the run dir's root as source code (Guild: `.guild/sourcecode`). */
  sourcecode: string | undefined;
  /** `log/files` as the source wrote it (Gage (Python)); `undefined`: scan the imported run dir. */
  filesLog: string | undefined;
  /** User attribute entries to log (Guild's label, tags and comments). */
  attrs: ImportedAttrEntry[];
  /** Sidecars to take as they are (Gage (Python)'s `<id>.user` dir and `<id>.project` file). */
  userDir: string | undefined;
  projectFile: string | undefined;
  /** What the import lost or changed for this run. */
  notes: string[];
  /** The values a `--where` filter sees. */
  row: { operation: string; status: string; label: string | undefined; started: number | undefined; stopped: number | undefined; config: JsonObject };
}

/** Why a foreign run is not imported: it is still running, or damaged. Not an error of the import as a whole. */
export class SkipRun extends Error {}
