import { open } from 'node:fs/promises';
import { OutputLineParser } from './_output-line-parser.js';
import type { OutputLine } from './_output-line-parser.js';

/** Where a reader takes bytes from: the bytes, a file path, or chunks (a stream). */
export type OutputBytesSource = Uint8Array | string | AsyncIterable<Uint8Array>;

const CHUNK_SIZE = 64 * 1024;

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
  async *[Symbol.asyncIterator](): AsyncGenerator<OutputLine> {
    const parser = new OutputLineParser();
    const index = chunksOf(this.#index)[Symbol.asyncIterator]();
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
      for await (const chunk of chunksOf(this.#output)) {
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

async function* chunksOf(source: OutputBytesSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
  } else if (typeof source === 'string') {
    const file = await open(source, 'r');
    try {
      for (;;) {
        const buffer = new Uint8Array(CHUNK_SIZE);
        const { bytesRead } = await file.read(buffer, 0, CHUNK_SIZE, null);
        if (bytesRead === 0) return;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await file.close();
    }
  } else {
    for await (const chunk of source) yield chunk;
  }
}
