import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readMetaSync } from './_read-meta-sync.js';

/** Runs claimed at a time by either thread. */
const CHUNK = 64;

/** A file read ahead: its text, or `null` when it (or its meta dir) is missing. */
export type AheadText = string | null;

/**
 * Small meta files of many runs, read by a worker thread and the main
 * thread together.
 */
export interface ReadAhead {
  /**
   * Reads the runs no thread has claimed yet on this thread too, then waits
   * for the worker's last chunk; the result maps a meta dir name to the
   * texts of the files read ahead (a file that could not be read is left
   * out, so the caller reads it again and sees the error).
   */
  finish(): Promise<Map<string, Record<string, AheadText>>>;
  /** How many runs the worker has read so far (for tests: the worker took part). */
  readonly workerRuns: number;
  /** True once the worker is done, failed or exited. */
  readonly workerEnded: boolean;
}

/** A text as the worker sends it: `false` for a file it could not read (the main thread reads it again). */
export type WorkerText = AheadText | false;

/** What the worker gets as `workerData`. */
export interface ReadAheadJob {
  runsDir: string;
  names: readonly string[];
  files: readonly string[];
  /** An `Int32Array` of one element: the index of the next run no thread has claimed. */
  counter: SharedArrayBuffer;
  /** Runs claimed at a time. */
  chunk: number;
}

/** What the worker posts: the texts of the runs from `start` (each run's files in order), then `done`. */
export type ReadAheadMessage = { start: number; texts: WorkerText[] } | { done: true };

/**
 * The worker's module, built as its own file beside the bin
 * (`src/runs/_read-ahead-worker.ts` → `dist/read-ahead-worker.js`, see
 * tsup.config.ts); every chunk of the bundle lies in `dist/`. Run from the
 * sources (Jest's in-process tests), the built worker in `dist/`: a worker
 * thread cannot load TypeScript.
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/read-ahead-worker.js', import.meta.url)
  : new URL('./read-ahead-worker.js', import.meta.url);

/** Options of {@link startReadAhead}. */
export interface StartReadAheadOptions {
  /** The meta dir names (entries of the runs dir) to read. */
  names: readonly string[];
  /** Files of each meta dir, relative (`proc/exit`). */
  files: readonly string[];
  /** The worker's module; default the built `read-ahead-worker.js` beside this module. */
  workerUrl?: URL | undefined;
}

/**
 * Starts reading `files` of the meta dirs `names` (entries of `runsDir`) on
 * a worker thread. Two threads reading one small file at a time: never
 * more than two files open, and the reads take half the time on a second
 * core. `undefined` when no worker can be started (the caller reads on the
 * main thread); a worker that fails later (its module missing) leaves its
 * runs to the main thread.
 *
 * @example
 * ```ts
 * const ahead = startReadAhead(runsDir, { names: ['a.meta'], files: ['proc/exit'] });
 * const texts = await ahead?.finish(); // texts.get('a.meta')?.['proc/exit']
 * ```
 */
export function startReadAhead(runsDir: string, options: StartReadAheadOptions): ReadAhead | undefined {
  const { names, files } = options;
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const results = new Map<string, Record<string, AheadText>>();
  let workerRuns = 0;
  const store = (start: number, texts: readonly WorkerText[]): void => {
    names.slice(start, start + CHUNK).forEach((name, i) => {
      const record: Record<string, AheadText> = {};
      files.forEach((file, j) => {
        const text = texts[i * files.length + j];
        if (text !== false && text !== undefined) record[file] = text;
      });
      results.set(name, record);
    });
  };
  let worker: Worker;
  try {
    const workerData: ReadAheadJob = { runsDir, names, files, counter, chunk: CHUNK };
    worker = new Worker(options.workerUrl ?? WORKER_URL, { workerData });
  } catch {
    return undefined;
  }
  let workerEnded = false;
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (m: ReadAheadMessage) => {
      if ('done' in m) resolve();
      else {
        store(m.start, m.texts);
        workerRuns += Math.min(CHUNK, names.length - m.start);
      }
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  }).then(() => {
    workerEnded = true;
  });
  return {
    get workerRuns() {
      return workerRuns;
    },
    get workerEnded() {
      return workerEnded;
    },
    async finish() {
      for (let start = Atomics.add(next, 0, CHUNK); start < names.length; start = Atomics.add(next, 0, CHUNK)) {
        const texts: WorkerText[] = [];
        for (const name of names.slice(start, start + CHUNK)) for (const file of files) texts.push(readOnMain(runsDir, name, file));
        store(start, texts);
      }
      await ended;
      return results;
    },
  };
}

function readOnMain(runsDir: string, name: string, file: string): WorkerText {
  try {
    return readMetaSync(join(runsDir, name), file) ?? null;
  } catch {
    return false;
  }
}
