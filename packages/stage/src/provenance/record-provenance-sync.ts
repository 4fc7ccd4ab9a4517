import { logRunnerSync, writeMetaFileSync } from '@gage/meta';
import { encodeMetaJson, type JsonValue, type Run } from '@gage/types';
import type { CollectedProvenance } from './collect-provenance.js';

/**
 * Writes collected provenance into the run's meta dir (decision 18): the
 * read-only files `provenance.json` (meta JSON) and, when the work tree was
 * dirty, `provenance.patch` (the capped `git diff HEAD`), each after its
 * runner-log line. Warnings go to the runner log too.
 *
 * @example
 * ```ts
 * recordProvenanceSync(run, await collectProvenance(projectDir, { command: ['python', 'train.py'] }));
 * ```
 */
export function recordProvenanceSync(run: Run, collected: CollectedProvenance): void {
  for (const warning of collected.warnings) logRunnerSync(run, `Provenance: ${warning}`);
  if (collected.patch !== undefined) {
    logRunnerSync(run, 'Writing meta provenance patch');
    writeMetaFileSync(run, 'provenance.patch', collected.patch);
  }
  logRunnerSync(run, 'Writing meta provenance');
  writeMetaFileSync(run, 'provenance.json', encodeMetaJson(collected.provenance as unknown as JsonValue));
}
