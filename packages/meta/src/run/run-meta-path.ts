import { join } from 'node:path';
import type { Run } from '@gage/types';

/**
 * A path under the meta dir of a run.
 *
 * @param run the run
 * @param parts path segments, joined under the meta dir
 * @returns the joined path
 * @example
 * ```ts
 * runMetaPath(run, 'output', '40_run'); // '<runsDir>/<id>.meta/output/40_run'
 * ```
 */
export function runMetaPath(run: Run, ...parts: string[]): string {
  return join(run.metaDir, ...parts);
}
