import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_RECORD_SIZE, RunOutputReader } from '@gage/proc';
import type { Run } from '@gage/types';

/** The captured output of one phase. */
export interface PhaseOutput {
  /** `run`, `sourcecode`, `runtime`, ... (the output name without its number). */
  name: string;
  /** Lines without their LF, with the stream code of each (0 stdout, 1 stderr). */
  lines: { text: string; stream: number }[];
}

/**
 * Reads every `output/<N>` of a run (lifecycle.md 9), sorted by name, with
 * `@gage/proc`'s reader (a last line without LF ends where its index says,
 * so the last partial lines of stdout and stderr stay apart). A missing or
 * truncated index hides nothing: lines past its last record are shown as
 * stdout.
 *
 * @example
 * ```ts
 * const outputs = await readRunOutputs(run); // [{name: 'run', lines: [{text: 'Hello Bob', stream: 0}]}]
 * ```
 */
export async function readRunOutputs(run: Run): Promise<PhaseOutput[]> {
  const dir = join(run.metaDir, 'output');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => !n.endsWith('.index')).sort();
  const out: PhaseOutput[] = [];
  for (const n of names) {
    const bytes = await readFile(join(dir, n)).catch(() => undefined);
    if (!bytes) continue;
    const index = await readFile(join(dir, `${n}.index`)).catch(() => Buffer.alloc(0));
    const lines = await new RunOutputReader(n, bytes, padIndex(index, bytes)).read();
    out.push({ name: n.replace(/^\d+_/, ''), lines: lines.map((l) => ({ text: l.text, stream: l.stream })) });
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
