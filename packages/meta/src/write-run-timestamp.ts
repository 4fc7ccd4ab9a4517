import type { Run, RunTimestampName } from '@gage/types';
import { logRunner } from './log-runner.js';
import { makeRunTimestamp } from './make-run-timestamp.js';
import { writeMetaFile } from './write-meta-file.js';

/**
 * Writes the timestamp meta file `name` (read-only, decimal epoch µs from
 * {@link makeRunTimestamp}) after logging `Writing meta <name>`.
 *
 * @param run the run
 * @param name `initialized`, `staged`, `started` or `stopped`
 * @returns the timestamp written
 * @example
 * ```ts
 * await writeRunTimestamp(run, 'staged'); // meta file 'staged' = '1718000000123456'
 * ```
 */
export async function writeRunTimestamp(run: Run, name: RunTimestampName): Promise<number> {
  await logRunner(run, `Writing meta ${name}`);
  const timestamp = makeRunTimestamp();
  await writeMetaFile(run, name, String(timestamp));
  return timestamp;
}
