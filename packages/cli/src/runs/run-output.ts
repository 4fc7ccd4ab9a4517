import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_RECORD_SIZE, RunOutputReader } from '@gage/proc';
import type { Run } from '@gage/types';
import { readOutputTail } from './_output-tail.js';
import { readRegularFile } from './_read-regular-file.js';

/** The output lines `gage show` displays by default, per phase (`--limit-output`). */
export const SHOW_OUTPUT_LINES = 50;
/** Bytes of one output line `gage show` reads at most: the panel shows one terminal line of it anyway. */
const SHOW_LINE_BYTES = 4096;

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
 * Reads the last lines of every `output/<N>` of a run (docs/spec/lifecycle.md 9),
 * sorted by name, each line cut to {@link SHOW_LINE_BYTES}: never the whole
 * output, which may be gigabytes or one huge line, unless the end of its
 * index holds length records (the last partial lines of stdout and stderr);
 * then `@gage/proc`'s reader splits it by its records, from the start.
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
    const tail = await readOutputTail(path, `${path}.index`, { limit, maxLineBytes: SHOW_LINE_BYTES }).catch(() => null);
    if (tail === null) continue;
    out.push({ name: n.replace(/^\d+_/, ''), ...(tail ?? (await readSplitTail(path, limit))) });
  }
  return out;
}

/** The whole records of `index`, then a zero record (stdout) for every line the output may have past them. */
function padIndex(index: Buffer, output: Buffer): Buffer {
  const whole = index.subarray(0, index.length - (index.length % INDEX_RECORD_SIZE));
  let lines = 1;
  for (let i = output.indexOf(0x0a); i !== -1; i = output.indexOf(0x0a, i + 1)) lines++;
  return Buffer.concat([whole, Buffer.alloc(lines * INDEX_RECORD_SIZE)]);
}

/** The last `limit` lines of an output whose lines the index splits (length records), read from the start. */
async function readSplitTail(path: string, limit: number): Promise<{ lines: PhaseOutput['lines']; total: number }> {
  const [bytes, index] = await Promise.all([readRegularFile(path), readRegularFile(`${path}.index`).catch(() => Buffer.alloc(0))]);
  const lines = await new RunOutputReader(path, bytes, padIndex(index, bytes)).read();
  const cut = (text: string) => (text.length > SHOW_LINE_BYTES ? `${text.slice(0, SHOW_LINE_BYTES)}…` : text);
  return { lines: lines.slice(Math.max(0, lines.length - limit)).map((l) => ({ text: cut(l.text), stream: l.stream })), total: lines.length };
}
