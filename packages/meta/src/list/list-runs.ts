import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { RunLoadError } from '../errors.js';
import { loadRun, readOptional } from '../run/_load-run.js';
import { warnMeta } from '../meta-logger.js';
import { compareKeys, parseSort, type SortValue } from './_sort-key.js';

/** Options of {@link listRuns}. */
export interface ListRunsOptions {
  /** Keep only the runs for which it returns true (applied before sorting). */
  filter?: (run: Run) => boolean;
  /**
   * Attribute names, `-` prefix for descending, applied in order as
   * tie-breakers: `id`, `name`, `dir`, `initialized`, `staged`, `started`,
   * `stopped`, `timestamp` (first present of started, staged, initialized),
   * `exit_code`. Runs lacking an attribute sort first ascending, last
   * descending. Without `sort` the order is the directory's.
   */
  sort?: readonly string[];
  /** List deleted runs (`*.meta.deleted`) instead of active ones (`*.meta`). */
  deleted?: boolean;
  /** Called for each corrupt run, which is then skipped; default: a warning on stderr. */
  onError?: (err: RunLoadError) => void;
  /**
   * The entry names of `runsDir` when the caller has read the dir already
   * (e.g. to see which `<id>.user` and `<id>.project` sidecars exist):
   * listing then uses them instead of reading the dir again.
   */
  names?: readonly string[];
  /**
   * Reads a small meta file of a candidate run (`opref`, `id`, the sort
   * timestamps): its text, `undefined` when it (or the meta dir) is
   * missing, the error when it cannot be read. Default: one synchronous
   * read from disk. For a caller that has read these files already, e.g. on
   * a second thread.
   */
  read?: (metaDir: string, file: string) => string | Error | undefined;
}

/** Runs loaded between two yields to the event loop. */
const BATCH = 512;

/**
 * The runs of a runs dir (docs/spec/lifecycle.md 15). Candidates are the entries
 * named `*.meta` (or `*.meta.deleted` with `deleted`) that are directories;
 * everything else is ignored: run dirs, `<id>.lock` dirs, `.user`,
 * `.project`, stray files. A half-made run (no `opref` yet: killed or out of
 * space while being made) is listed with `opref` undefined, so that it can
 * be seen and deleted. A corrupt run (unreadable or
 * undecodable `opref`, unreadable `id`, unnameable id) is reported through
 * `onError` and skipped, never fatal. A missing runs dir gives `[]`.
 *
 * Built for 10,000 runs: one `readdir`, two small reads per run (`opref`,
 * `id`) plus the sort attributes, done synchronously in batches that yield
 * to the event loop (small synchronous reads are several times faster than
 * `fs.promises` ones).
 *
 * @throws {ListRunsError} `ERR_GAGE_LIST_RUNS` for an unknown sort attribute.
 * @example
 * ```ts
 * const runs = await listRuns(runsDir, { sort: ['-timestamp'] }); // runs[0] is the newest (gage list index 1)
 * const trash = await listRuns(runsDir, { deleted: true });
 * const again = await listRuns(runsDir, { names: await readdir(runsDir) }); // no second readdir
 * ```
 */
export async function listRuns(runsDir: string, options: ListRunsOptions = {}): Promise<Run[]> {
  const { filter, deleted = false, onError = (err: RunLoadError) => warnMeta(err.message), read = readOptional } = options;
  const specs = parseSort(options.sort ?? []);
  const suffix = deleted ? '.meta.deleted' : '.meta';
  let names: readonly string[];
  try {
    names = options.names ?? (await readdir(runsDir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const runs: Run[] = [];
  let done = 0;
  for (const name of names) {
    if (!name.endsWith(suffix) || name.length === suffix.length) continue;
    if (++done % BATCH === 0) await yieldToEventLoop();
    const run = loadRun(join(runsDir, name), read);
    if (run === undefined) continue;
    if (run instanceof RunLoadError) onError(run);
    else if (!filter || filter(run)) runs.push(run);
  }
  if (specs.length === 0) return runs;
  const keyed: { run: Run; keys: SortValue[] }[] = [];
  for (const run of runs) {
    if (keyed.length % BATCH === BATCH - 1) await yieldToEventLoop();
    keyed.push({ run, keys: specs.map((s) => s.read(run, read)) });
  }
  keyed.sort((a, b) => compareKeys(specs, a.keys, b.keys));
  return keyed.map((k) => k.run);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
