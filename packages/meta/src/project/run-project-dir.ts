import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Run } from '@gage/types';
import { warnMeta } from '../meta-logger.js';
import { readTextSync } from '../io/read-text-sync.js';
import { runProjectFile } from '../run/_run-paths.js';

/**
 * The project a run came from (docs/spec/lifecycle.md 13), read from
 * `<runsDir>/<id>.project`: `undefined` when the run has no project ref. A
 * relative ref resolves against the runs dir and is canonicalised
 * (realpath, when the dir exists); an absolute ref is returned as written.
 * A ref not starting with `file:` warns `Unexpected project ref encoding in
 * "<file>"` and gives `undefined`.
 *
 * @example
 * ```ts
 * await runProjectDir(run); // '/home/maria/mnist'
 * ```
 */
export async function runProjectDir(run: Run): Promise<string | undefined> {
  const file = runProjectFile(run);
  let text: string;
  try {
    text = readTextSync(file).trimEnd();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!text.startsWith('file:')) {
    warnMeta(`Unexpected project ref encoding in "${file}"`);
    return undefined;
  }
  const ref = text.slice('file:'.length);
  if (isAbsolute(ref)) return ref;
  const path = resolve(dirname(run.runDir), ref);
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}
