import { logRunner, writeMetaFile } from '@gage/meta';
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
 * await recordProvenance(run, await collectProvenance(projectDir, { command: ['python', 'train.py'] }));
 * ```
 */
export async function recordProvenance(run: Run, collected: CollectedProvenance): Promise<void> {
  for (const warning of collected.warnings) await logRunner(run, `Provenance: ${warning}`);
  if (collected.patch !== undefined) {
    await logRunner(run, 'Writing meta provenance patch');
    await writeMetaFile(run, 'provenance.patch', collected.patch);
  }
  await logRunner(run, 'Writing meta provenance');
  await writeMetaFile(run, 'provenance.json', encodeMetaJson(collected.provenance as unknown as JsonValue));
}
