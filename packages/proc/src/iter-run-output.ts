import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodePoints } from '@gage/types';
import type { Run } from '@gage/types';
import { RunOutputReader } from './run-output-reader.js';

/**
 * Yields a {@link RunOutputReader} for every `output/X` of `run` that has a
 * matching `output/X.index`, sorted by name (`10_sourcecode`, ..., `40_run`,
 * `50_finalize`). Yields nothing when the run has no `output/` dir.
 *
 * @param run The run to read.
 * @example
 * ```ts
 * for await (const reader of iterRunOutput(run)) {
 *   for await (const line of reader) console.log(reader.name, line.text);
 * }
 * ```
 */
export async function* iterRunOutput(run: Run): AsyncGenerator<RunOutputReader> {
  const dir = join(run.metaDir, 'output');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const present = new Set(names);
  const outputs = names.filter((n) => !n.endsWith('.index') && present.has(`${n}.index`)).sort(compareCodePoints);
  for (const name of outputs) {
    yield new RunOutputReader(name, join(dir, name), join(dir, `${name}.index`));
  }
}
