import type { Run } from '@gage/types';

/**
 * The meta dir of a run (`<runsDir>/<id>.meta`, or `<id>.meta.deleted` for a
 * deleted run).
 *
 * @param run the run
 * @returns `run.metaDir`
 * @example
 * ```ts
 * runMetaDir(run); // '/home/me/.gage/runs/60a825b1-….meta'
 * ```
 */
export function runMetaDir(run: Run): string {
  return run.metaDir;
}
