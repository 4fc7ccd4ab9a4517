import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RunIdError, runNameForId, type Run } from '@gage/types';
import { RunExistsError } from '../errors.js';
import { makeRunId } from './make-run-id.js';

/** Options of {@link makeRun}. */
export interface MakeRunOptions {
  /** The run id; default a new {@link makeRunId}. Tests use short ids such as `aaa`. */
  id?: string | undefined;
}

/**
 * Makes a new run under `runsDir` (docs/spec/lifecycle.md 4): creates only its meta
 * dir `<runsDir>/<id>.meta` (and missing parents of it). Writes no file and
 * does not create the run dir; the run's status is `unknown` until
 * `initRunMetaSync`.
 *
 * @param runsDir the runs dir
 * @param options `{id}` to choose the id
 * @returns the run, without `opref`
 * @throws {RunExistsError} `ERR_GAGE_RUN_EXISTS` when the meta dir already exists
 * @throws {RunIdError} `ERR_GAGE_RUN_ID` for an id that is not a usable run id
 * @example
 * ```ts
 * const run = await makeRun('/tmp/runs');
 * run.metaDir; // '/tmp/runs/<id>.meta'
 * ```
 */
export async function makeRun(runsDir: string, options: MakeRunOptions = {}): Promise<Run> {
  const id = options.id ?? makeRunId();
  if (/[/\\]/.test(id) || id === '.' || id === '..') {
    throw new RunIdError(id);
  }
  const name = runNameForId(id);
  const runDir = join(runsDir, id);
  const metaDir = `${runDir}.meta`;
  await mkdir(runsDir, { recursive: true });
  try {
    // Not recursive: EEXIST is how we learn that the id is taken.
    await mkdir(metaDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new RunExistsError(id, metaDir, { cause: err });
    throw err;
  }
  return { id, name, runDir, metaDir, opref: undefined };
}
