import { join } from 'node:path';
import { runForMetaDirSync } from '@gage/meta';
import type { Run } from '@gage/types';

/** What a run id in a URL may hold: no separators, no dots, so it never leaves the runs dir. */
const RUN_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The run of `runsDir` with exactly this id, or `undefined` (also for an id
 * that is not one: `..`, a path, an empty string). Deleted runs are not found.
 *
 * @example
 * ```ts
 * findRun('/tmp/runs', 'e3f1c2...')?.name; // 'babab-bopus'
 * findRun('/tmp/runs', '../etc'); // undefined
 * ```
 */
export function findRun(runsDir: string, id: string): Run | undefined {
  if (!RUN_ID.test(id)) return undefined;
  return runForMetaDirSync(join(runsDir, `${id}.meta`));
}
