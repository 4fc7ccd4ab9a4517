import { open } from 'node:fs/promises';
import { OutputLineParser } from './_output-line-parser.js';
import type { OutputLine } from './_output-line-parser.js';

/** Where a reader takes bytes from: the bytes, a file path, or chunks (a stream). */
export type OutputBytesSource = Uint8Array | string | AsyncIterable<Uint8Array>;

const CHUNK_SIZE = 64 * 1024;

/**
 * Where a line starts: its number and the byte offsets of its bytes in the
 * output and of its record in the index. {@link RunOutputReader.readFrom}
 * returns the one after the lines it read, to read on from there.
 */
export interface OutputPosition {
  /** The line's number, zero-based. */
  line: number;
  /** Bytes of the output before the line. */
  output: number;
  /** Bytes of the index before the line's record. */
  index: number;
}

/** The first line of an output. */
const START: OutputPosition = { line: 0, output: 0, index: 0 };

/**
 * Reads captured output (docs/spec/lifecycle.md 9): pairs each line of the output with
 * the next 9-byte record of its index and stops when fewer than 9 index
 * bytes remain, so lines still being written are not reported yet. A line
 * ends at its LF, or where a length record after its record says (the last
 * bytes of a stream without LF, followed by the other stream's output). Reads
 * files in 64 KiB pieces: memory stays bounded by the longest line.
 *
 * @example
 * ```ts
 * const reader = new RunOutputReader('40_run', runMetaPath(run, 'output', '40_run'),
 *   runMetaPath(run, 'output', '40_run.index'));
 * for await (const { timestamp, stream, text } of reader) console.log(timestamp, stream, text);
 * ```
 */
export class RunOutputReader implements AsyncIterable<OutputLine> {
  /** The output name (`40_run`, ...). */
  readonly name: string;
  readonly #output: OutputBytesSource;
  readonly #index: OutputBytesSource;

  /**
   * @param name The output name.
   * @param output The output bytes, the path of the output file, or its chunks.
   * @param index The index bytes, the path of the index file, or its chunks.
   */
  constructor(name: string, output: OutputBytesSource, index: OutputBytesSource) {
    this.name = name;
    this.#output = output;
    this.#index = index;
  }

  /** Yields `{timestamp, stream, text}` for each line. */
  [Symbol.asyncIterator](): AsyncGenerator<OutputLine> {
    return this.#lines(new OutputLineParser(), START);
  }

  /**
   * Up to `count` lines from `at` (a position an earlier call returned;
   * default the first line) after skipping `skip` of them, and the position
   * after the last line read: reading on from there reads only what was
   * written since, never the output before `at`. A position holds for the
   * files it came from while they only grow: an output written again from
   * its start (a restarted run) must be read from its start.
   *
   * @example
   * ```ts
   * const first = await reader.readFrom(undefined, { count: 100 });
   * const more = await reader.readFrom(first.next, { count: 100 }); // the lines written after the first 100
   * ```
   */
  async readFrom(at: OutputPosition = START, options: { skip?: number; count?: number } = {}): Promise<{ lines: OutputLine[]; next: OutputPosition }> {
    const skip = options.skip ?? 0;
    const count = options.count ?? Infinity;
    const parser = new OutputLineParser();
    const lines: OutputLine[] = [];
    let seen = 0;
    if (count > 0) {
      for await (const line of this.#lines(parser, at)) {
        if (seen++ >= skip) lines.push(line);
        if (lines.length >= count) break;
      }
    }
    return { lines, next: { line: at.line + seen, output: at.output + parser.outputUsed, index: at.index + parser.indexUsed } };
  }

  /** The lines from `at` on, parsed by `parser`. */
  async *#lines(parser: OutputLineParser, at: OutputPosition): AsyncGenerator<OutputLine> {
    const index = chunksOf(this.#index, at.index)[Symbol.asyncIterator]();
    let indexEnded = false;
    /** Yields what the parser can tell, reading index records as it needs them. */
    async function* drain(final: boolean): AsyncGenerator<OutputLine> {
      for (;;) {
        yield* parser.drain({ final, indexEnded });
        if (parser.needs !== 'index' || indexEnded) return;
        const next = await index.next();
        if (next.done) indexEnded = true;
        else parser.pushIndex(next.value);
      }
    }
    try {
      for await (const chunk of chunksOf(this.#output, at.output)) {
        parser.pushOutput(chunk);
        yield* drain(false);
        if (indexEnded && parser.needs === 'index') return; // no more records: the rest is still being written
      }
      yield* drain(true);
    } finally {
      await index.return?.(undefined);
    }
  }

  /**
   * Lines `start` to `end`, zero-based, both inclusive (`end` omitted: to the last).
   *
   * @example
   * ```ts
   * const [first] = await reader.read(0, 0);
   * ```
   */
  async read(start = 0, end?: number): Promise<OutputLine[]> {
    const lines: OutputLine[] = [];
    let i = 0;
    for await (const line of this) {
      if (end !== undefined && i > end) break;
      if (i >= start) lines.push(line);
      i++;
    }
    return lines;
  }
}

/** The bytes of `source` from byte `offset` on, in chunks. */
async function* chunksOf(source: OutputBytesSource, offset: number): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    if (offset < source.length) yield source.subarray(offset);
  } else if (typeof source === 'string') {
    const file = await open(source, 'r');
    try {
      for (let position = offset;;) {
        const buffer = new Uint8Array(CHUNK_SIZE);
        const { bytesRead } = await file.read(buffer, 0, CHUNK_SIZE, position);
        if (bytesRead === 0) return;
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await file.close();
    }
  } else {
    let skip = offset;
    for await (const chunk of source) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      yield skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
    }
  }
}
