import { join } from 'node:path';
import { RunOutputReader } from '@gage/proc';
import type { Run } from '@gage/types';

/** A page of output lines, as the `/api/runs/<id>/output` route returns it. */
export interface OutputPage {
  /** `[timestamp (epoch ms), stream (0 stdout, 1 stderr), text]` per line. */
  lines: [number, number, string][];
  /** The line to ask for next (`from` of the next request). */
  next: number;
}

/** Output names: a word such as `40_run`, never a path. */
const OUTPUT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Lines of one page at most: a long output is read page by page. */
const PAGE_LINES = 5000;

/**
 * Lines `from` on (at most 5,000) of the run's output `name` (default
 * `40_run`), only those whose index record is written: a running run's
 * output is followed by asking again from `next`. A line being written has
 * no index record yet, so it is never sent half. A missing output (not
 * started yet) or a bad name gives no lines.
 *
 * @example
 * ```ts
 * let page = await runOutputPage(run, 0); // { lines: [[1733580000000, 0, 'epoch 1']], next: 1 }
 * page = await runOutputPage(run, page.next);
 * ```
 */
export async function runOutputPage(run: Run, from: number, options: { name?: string | undefined } = {}): Promise<OutputPage> {
  const name = options.name ?? '40_run';
  if (!OUTPUT_NAME.test(name) || !Number.isSafeInteger(from) || from < 0) return { lines: [], next: 0 };
  const path = join(run.metaDir, 'output', name);
  let lines;
  try {
    lines = await new RunOutputReader(name, path, `${path}.index`).read(from, from + PAGE_LINES - 1);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], next: from };
    throw err;
  }
  return { lines: lines.map((l) => [l.timestamp, l.stream, l.text]), next: from + lines.length };
}
