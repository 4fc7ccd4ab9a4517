import type { Run } from '@gage/types';
import { RunLoadError } from '../errors.js';
import { loadRun } from './_load-run.js';

/**
 * Loads the run whose meta dir is `metaDir` (docs/spec/lifecycle.md 15), or
 * `undefined` when it is not a loadable run. An undecodable `opref` is not a
 * run; a directory without `opref` is a half-made run (killed or out of
 * space during `makeRun`/`initRunMetaSync`) and loads with `opref` undefined, so
 * that it can be listed and deleted. The id comes from the `id` file, or
 * from the dir name minus `.meta` / `.meta.deleted` when that file is
 * missing; the name is derived from the id (an id that cannot be named: not
 * a run). Paths always follow the dir name: the run dir is the meta dir
 * minus its suffix, also for a deleted run.
 *
 * @example
 * ```ts
 * const run = runForMetaDirSync(join(runsDir, 'abc.meta'));
 * // { id: 'abc', name: 'babab-bopus', runDir: `${runsDir}/abc`, metaDir: `${runsDir}/abc.meta`, opref: {...} }
 * ```
 */
export function runForMetaDirSync(metaDir: string): Run | undefined {
  const run = loadRun(metaDir);
  return run instanceof RunLoadError ? undefined : run;
}
