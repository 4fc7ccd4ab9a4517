import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { readOutputTail } from './_output-tail.js';

/** The output lines `gage show` displays by default, per phase (`--limit-output`). */
export const SHOW_OUTPUT_LINES = 50;
/** Bytes of one output line `gage show` reads at most: the panel shows one terminal line of it anyway. */
export const SHOW_LINE_BYTES = 4096;

/** The captured output of one phase, or its last lines. */
export interface PhaseOutput {
  /** `run`, `sourcecode`, `runtime`, ... (the output name without its number). */
  name: string;
  /** Lines without their LF, with the stream code of each (0 stdout, 1 stderr). */
  lines: { text: string; stream: number }[];
  /** Lines of the whole output (more than `lines.length` when only the last ones were read). */
  total: number;
}

/** Options of {@link readRunOutputs}. */
export interface ReadRunOutputsOptions {
  /** The last lines read of each output (default {@link SHOW_OUTPUT_LINES}). */
  limit?: number | undefined;
}

/**
 * Reads the last lines of every `output/<N>` of a run (lifecycle.md 9),
 * sorted by name, each line cut to {@link SHOW_LINE_BYTES}: never the whole
 * output, which may be gigabytes or one huge line.
 *
 * @example
 * ```ts
 * const outputs = await readRunOutputs(run); // [{name: 'run', lines: [{text: 'Hello Bob', stream: 0}], total: 1}]
 * ```
 */
export async function readRunOutputs(run: Run, options: ReadRunOutputsOptions = {}): Promise<PhaseOutput[]> {
  const dir = join(run.metaDir, 'output');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => !n.endsWith('.index')).sort();
  const out: PhaseOutput[] = [];
  for (const n of names) {
    const path = join(dir, n);
    const limit = options.limit ?? SHOW_OUTPUT_LINES;
    const tail = await readOutputTail(path, `${path}.index`, { limit, maxLineBytes: SHOW_LINE_BYTES }).catch(() => undefined);
    if (tail) out.push({ name: n.replace(/^\d+_/, ''), ...tail });
  }
  return out;
}
