import type { Run, RunTimestampName } from '@gage/types';
import { logRunnerSync } from './log-runner-sync.js';
import { makeRunTimestamp } from '../run/make-run-timestamp.js';
import { writeMetaFileSync } from './write-meta-file-sync.js';

/**
 * Writes the timestamp meta file `name` (read-only, decimal epoch µs from
 * {@link makeRunTimestamp}) after logging `Writing meta <name>`.
 *
 * @param run the run
 * @param name `initialized`, `staged`, `started` or `stopped`
 * @returns the timestamp written
 * @example
 * ```ts
 * writeRunTimestampSync(run, 'staged'); // meta file 'staged' = '1718000000123456'
 * ```
 */
export function writeRunTimestampSync(run: Run, name: RunTimestampName): number {
  logRunnerSync(run, `Writing meta ${name}`);
  const timestamp = makeRunTimestamp();
  writeMetaFileSync(run, name, String(timestamp));
  return timestamp;
}
