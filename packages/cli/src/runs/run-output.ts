import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { readRegularFile } from './_read-regular-file.js';

/** The captured output of one phase. */
export interface PhaseOutput {
  /** `run`, `sourcecode`, `runtime`, ... (the output name without its number). */
  name: string;
  /** Lines without their LF, with the stream code of each (0 stdout, 1 stderr). */
  lines: { text: string; stream: number }[];
}

/**
 * Reads every `output/<N>` of a run (lifecycle.md 9), sorted by name.
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
    const bytes = await readRegularFile(join(dir, n)).catch(() => undefined);
    if (!bytes) continue;
    const index = await readRegularFile(join(dir, `${n}.index`)).catch(() => Buffer.alloc(0));
    const text = bytes.toString('utf8');
    const parts = text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    out.push({
      name: n.replace(/^\d+_/, ''),
      lines: parts.map((t, k) => ({ text: t.replace(/\r$/, ''), stream: index[k * 9 + 8] ?? 0 })),
    });
  }
  return out;
}
