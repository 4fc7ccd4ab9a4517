import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { OutputLineParser } from './_output-line-parser.js';
import type { OutputLine } from './_output-line-parser.js';

/** Options of {@link followRunOutput}. */
export interface FollowRunOutputOptions {
  /** Output name (default `40_run`). */
  name?: string | undefined;
  /** Stops following when aborted (lines read so far were yielded). */
  signal?: AbortSignal | undefined;
  /** Milliseconds between two looks at the files (default 100). */
  pollMs?: number | undefined;
  /**
   * Whether the output may still grow; checked before each look. Default:
   * `runStatus(run) === 'running'`. Once false, the rest is read and the
   * iterator ends.
   */
  isRunning?: (() => boolean | Promise<boolean>) | undefined;
}

const CHUNK_SIZE = 64 * 1024;

/**
 * Yields the lines of one output of `run` (default `40_run`), first those
 * already written, then new ones as the process writes them (for
 * `gage cat -f`). Ends when the run is no longer running (after reading the
 * rest, including a last line without LF) or when `signal` aborts. Polls the
 * files every `pollMs`; an output that does not exist yet is waited for.
 *
 * @param run The run to follow.
 * @param options `name`, `signal`, `pollMs`, `isRunning`.
 * @example
 * ```ts
 * for await (const line of followRunOutput(run, { signal })) console.log(line.text);
 * ```
 */
export async function* followRunOutput(run: Run, options: FollowRunOutputOptions = {}): AsyncGenerator<OutputLine> {
  const name = options.name ?? '40_run';
  const outputPath = join(run.metaDir, 'output', name);
  const isRunning = options.isRunning ?? (async () => (await runStatus(run)) === 'running');
  const signal = options.signal;
  const parser = new OutputLineParser();
  const output = new TailFile(outputPath);
  const index = new TailFile(`${outputPath}.index`);
  /** Yields what the parser can tell, reading the index to its current end as needed. */
  async function* drain(final: boolean): AsyncGenerator<OutputLine> {
    let indexEnded = false;
    for (;;) {
      yield* parser.drain({ final, indexEnded });
      if (parser.needs !== 'index' || indexEnded) return;
      const records = await index.read();
      if (records) parser.pushIndex(records);
      else indexEnded = true;
    }
  }
  try {
    while (!signal?.aborted) {
      // Checked first: once it says "stopped", everything was written before
      // the reads below, which go to the end of both files. The output is read
      // before the index: a length record is written before the bytes after its line.
      const running = await isRunning();
      for (;;) {
        const chunk = await output.read();
        if (chunk) parser.pushOutput(chunk);
        yield* drain(false);
        if (signal?.aborted) return;
        if (!chunk) break;
      }
      if (!running) {
        yield* drain(true);
        return;
      }
      try {
        await sleep(options.pollMs ?? 100, undefined, { signal });
      } catch {
        return; // aborted
      }
    }
  } finally {
    await output.close();
    await index.close();
  }
}

/** Reads a file that grows, from where the last read stopped. */
class TailFile {
  readonly #path: string;
  #file: FileHandle | undefined;
  #position = 0;

  constructor(path: string) {
    this.#path = path;
  }

  /** The next new bytes, or `undefined` when there are none (yet). */
  async read(): Promise<Uint8Array | undefined> {
    if (!this.#file) {
      try {
        this.#file = await open(this.#path, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    }
    const buffer = new Uint8Array(CHUNK_SIZE);
    const { bytesRead } = await this.#file.read(buffer, 0, CHUNK_SIZE, this.#position);
    this.#position += bytesRead;
    return bytesRead === 0 ? undefined : buffer.subarray(0, bytesRead);
  }

  async close(): Promise<void> {
    await this.#file?.close();
    this.#file = undefined;
  }
}
