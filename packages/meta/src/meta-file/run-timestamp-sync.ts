import type { Run, RunTimestampName } from '@gage/types';
import { warnMeta } from '../meta-logger.js';
import { parseMetaInteger } from './_parse-meta-integer.js';
import { readMetaFileSync } from './read-meta-file-sync.js';

/**
 * Reads a run timestamp (docs/spec/lifecycle.md 12).
 *
 * @param run the run
 * @param name `initialized`, `staged`, `started` or `stopped`
 * @returns epoch microseconds, or `undefined` when the file is missing; a file
 *   that is not an integer warns `Invalid timestamp '<name>' in "<metaDir>"`
 *   and counts as missing
 * @example
 * ```ts
 * const staged = runTimestampSync(run, 'staged');
 * if (staged !== undefined) new Date(staged / 1000);
 * ```
 */
export function runTimestampSync(run: Run, name: RunTimestampName): number | undefined {
  const text = readMetaFileSync(run, name);
  if (text === undefined) return undefined;
  const value = parseMetaInteger(text);
  if (value === undefined) warnMeta(`Invalid timestamp '${name}' in "${run.metaDir}"`);
  return value;
}
