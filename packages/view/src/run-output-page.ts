import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { RunOutputReader, type OutputPosition } from '@gage/proc';
import type { Run } from '@gage/types';
import type { OutputPage } from './route-types.js';

/** Output names: a word such as `40_run`, never a path. */
const OUTPUT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Lines of one page at most: a long output is read page by page. */
const PAGE_LINES = 5000;

/** Where pages ended, by output path and line, oldest first: a run page polling its output asks for those lines next. */
const ends = new Map<string, { at: OutputPosition; last: Buffer }>();

/** Positions kept at most (a few bytes each): one per output being followed is enough. */
const MAX_ENDS = 256;

/** Index bytes kept with a position, to tell the same files from an output written again from its start: two records. */
const CHECK_BYTES = 18;

/**
 * Lines `from` on (at most 5,000) of the run's output `name` (default
 * `40_run`), only those whose index record is written: a running run's
 * output is followed by asking again from `next`. A line being written has
 * no index record yet, so it is never sent half. A missing output (not
 * started yet) or a bad name gives no lines. Asked from where an earlier
 * page ended, it reads only the bytes written since (the page's byte
 * offsets are kept), not the whole output again.
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
  const reader = new RunOutputReader(name, path, `${path}.index`);
  let page;
  try {
    const at = await knownEnd(path, from);
    page = at ? await reader.readFrom(at, { count: PAGE_LINES }) : await reader.readFrom(undefined, { skip: from, count: PAGE_LINES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], next: from };
    throw err;
  }
  const next = from + page.lines.length;
  if (page.next.line === next && page.next.index > 0) await remember(path, page.next);
  return { lines: page.lines.map((l) => [l.timestamp, l.stream, l.text]), next };
}

/** The kept position of line `from` of the output at `path`, if its index still has the bytes it had. */
async function knownEnd(path: string, from: number): Promise<OutputPosition | undefined> {
  const key = `${path}\n${from}`;
  const end = ends.get(key);
  if (!end) return undefined;
  const now = await indexBytesBefore(path, end.at.index);
  if (now?.equals(end.last)) return end.at;
  ends.delete(key);
  return undefined;
}

async function remember(path: string, at: OutputPosition): Promise<void> {
  const last = await indexBytesBefore(path, at.index);
  if (!last) return;
  const key = `${path}\n${at.line}`;
  ends.delete(key);
  ends.set(key, { at, last });
  for (const old of ends.keys()) {
    if (ends.size <= MAX_ENDS) break;
    ends.delete(old);
  }
}

/** The last (up to) 18 bytes of the index before byte `offset`; `undefined` when the index is shorter. */
async function indexBytesBefore(path: string, offset: number): Promise<Buffer | undefined> {
  const start = Math.max(0, offset - CHECK_BYTES);
  const bytes = Buffer.alloc(offset - start);
  const file = await open(`${path}.index`, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const { bytesRead } = await file.read(bytes, 0, bytes.length, start);
    return bytesRead === bytes.length ? bytes : undefined;
  } finally {
    await file.close();
  }
}
