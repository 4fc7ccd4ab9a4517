import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from './_read-regular-file.js';
import { INDEX_RECORD_SIZE } from '@gage/proc';

/** Options of {@link readOutputTail}. */
export interface OutputTailOptions {
  /** The number of lines wanted, from the end. */
  limit: number;
  /** Bytes read of one line at most; a longer line is cut and ends in `…`. */
  maxLineBytes: number;
  /** Bytes searched backwards for line breaks at most (default 16 MiB); a line longer than that starts with `…`. */
  maxScanBytes?: number | undefined;
}

/** The last lines of one captured output. */
export interface OutputTail {
  /** Lines without their LF (and one CR before it), with the stream code of each (0 stdout, 1 stderr). */
  lines: { text: string; stream: number }[];
  /** Lines of the whole output as its index counts them (at least `lines.length`). */
  total: number;
}

const CHUNK = 64 * 1024;
const LF = 0x0a;

/**
 * Reads the last `limit` lines of an output file without reading the file
 * whole (docs/spec/lifecycle.md 9): searches backwards from its end for line breaks,
 * reads at most `maxLineBytes` of each line found, and takes the lines'
 * stream codes from the last records of the index (fixed-size records,
 * counted from the end; a line still being written may have none yet and
 * shifts the codes by one, which only changes colours). Memory stays bounded
 * by `limit × maxLineBytes` however large the output or its lines.
 * Resolves `undefined` when the index near its end holds length records
 * (lines that end without LF where the other stream's output starts): line
 * breaks alone cannot find those lines; read the output from its start then.
 *
 * @example
 * ```ts
 * await readOutputTail(join(run.metaDir, 'output', '40_run'), `${path}.index`, { limit: 50, maxLineBytes: 4096 });
 * // { lines: [{ text: 'step 99', stream: 0 }], total: 100 }
 * ```
 */
export async function readOutputTail(outputPath: string, indexPath: string, options: OutputTailOptions): Promise<OutputTail | undefined> {
  const file = await openRegularFile(outputPath);
  try {
    const size = (await file.stat()).size;
    const spans = await lastLineSpans(file, size, options.limit, options.maxScanBytes ?? 16 * 1024 * 1024);
    const streams = await lastStreamCodes(indexPath, spans.length);
    if (streams.split) return undefined;
    const lines: OutputTail['lines'] = [];
    for (const [k, span] of spans.entries()) {
      lines.push({ text: await readLineStart(file, span, options.maxLineBytes), stream: streams.codes[k] ?? 0 });
    }
    return { lines, total: Math.max(streams.total, lines.length) };
  } finally {
    await file.close();
  }
}

interface Span {
  start: number;
  /** Exclusive, without the LF. */
  end: number;
  /** The start was not found within the scan budget: the line is shown from `start`, after a `…`. */
  cutStart: boolean;
}

/** Where the last `limit` lines lie, first to last: a backward search for LFs in 64 KiB pieces. */
async function lastLineSpans(file: FileHandle, size: number, limit: number, maxScan: number): Promise<Span[]> {
  if (size === 0 || limit <= 0) return [];
  const spans: Span[] = [];
  const buf = Buffer.allocUnsafe(CHUNK);
  // The empty rest after a final LF is not a line.
  let end = (await readAt(file, buf, size - 1, 1))[0] === LF ? size - 1 : size;
  let pos = end;
  const floor = Math.max(0, size - maxScan);
  while (spans.length < limit) {
    if (pos <= floor) {
      spans.push({ start: floor, end, cutStart: floor > 0 });
      break;
    }
    const from = Math.max(floor, pos - CHUNK);
    const chunk = await readAt(file, buf, from, pos - from);
    let i = chunk.lastIndexOf(LF);
    while (i >= 0 && spans.length < limit) {
      spans.push({ start: from + i + 1, end, cutStart: false });
      end = from + i;
      i = i === 0 ? -1 : chunk.lastIndexOf(LF, i - 1);
    }
    pos = from;
  }
  return spans.reverse();
}

async function readAt(file: FileHandle, buf: Buffer, position: number, length: number): Promise<Buffer> {
  const { bytesRead } = await file.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

async function readLineStart(file: FileHandle, span: Span, maxBytes: number): Promise<string> {
  const length = Math.min(span.end - span.start, maxBytes);
  const bytes = length > 0 ? await readAt(file, Buffer.allocUnsafe(length), span.start, length) : Buffer.alloc(0);
  const whole = length === span.end - span.start;
  const text = bytes.toString('utf8');
  return (span.cutStart ? '…' : '') + (whole ? text.replace(/\r$/, '') : `${text}…`);
}

/** Records before the tail's own that are checked for length records too (a line's start may depend on them). */
const LOOKBACK_RECORDS = 64;

/**
 * The stream codes of the last `count` lines, from the last records of the
 * index, and its record count. `split` is true when those records, or the
 * {@link LOOKBACK_RECORDS} before them, hold a length record (stream code
 * with bit 0x80: a line that ends without LF where the next one starts):
 * line breaks alone do not tell those lines apart.
 */
async function lastStreamCodes(indexPath: string, count: number): Promise<{ codes: number[]; total: number; split: boolean }> {
  let index: FileHandle;
  try {
    index = await openRegularFile(indexPath);
  } catch {
    return { codes: [], total: 0, split: false };
  }
  try {
    const total = Math.floor((await index.stat()).size / INDEX_RECORD_SIZE);
    const n = Math.min(count + LOOKBACK_RECORDS, total);
    const bytes = await readAt(index, Buffer.alloc(n * INDEX_RECORD_SIZE), (total - n) * INDEX_RECORD_SIZE, n * INDEX_RECORD_SIZE);
    const stream = (k: number) => bytes[k * INDEX_RECORD_SIZE + INDEX_RECORD_SIZE - 1] ?? 0;
    let split = false;
    for (let k = 0; k < n; k++) if (stream(k) & 0x80) split = true;
    // Aligned from the end: the last record goes with the last line.
    const codes = Array.from({ length: count }, (_, k) => stream(n - count + k));
    return { codes, total, split };
  } finally {
    await index.close();
  }
}
