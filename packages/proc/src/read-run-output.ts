import { join } from 'node:path';
import type { Run } from '@gage/types';
import type { OutputLine } from './_output-line-parser.js';
import { RunOutputReader } from './run-output-reader.js';

/** Options of {@link readRunOutput}. */
export interface ReadRunOutputOptions {
  /** Output name (default `40_run`). */
  name?: string | undefined;
  /** First line, zero-based (default 0). */
  start?: number | undefined;
  /** Last line, inclusive (default: the last one). */
  end?: number | undefined;
}

/**
 * Reads the lines of one output of `run` (default `40_run`), lines `start`
 * to `end` inclusive. Throws `ENOENT` (a Node error) when the output does not exist.
 *
 * @param run The run to read.
 * @param options `name`, `start`, `end`.
 * @returns The lines, `{timestamp, stream, text}` each.
 * @example
 * ```ts
 * const lines = await readRunOutput(run);
 * console.log(lines.map((l) => l.text).join('\n'));
 * ```
 */
export async function readRunOutput(run: Run, options: ReadRunOutputOptions = {}): Promise<OutputLine[]> {
  const name = options.name ?? '40_run';
  const path = join(run.metaDir, 'output', name);
  return new RunOutputReader(name, path, `${path}.index`).read(options.start ?? 0, options.end);
}
