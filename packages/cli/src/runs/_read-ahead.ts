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
}

// The worker: claims CHUNK runs at a time from the shared counter and reads
// their files synchronously, one at a time, like readMetaSync (texts; null
// for a missing file; false for another error or a file that is not a
// regular file).
const WORKER_SOURCE = `
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
const { runsDir, names, files, counter, chunk } = workerData;
const next = new Int32Array(counter);
const buffer = new Uint8Array(64 * 1024);
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
// Non-blocking open, and nothing but regular files is read (a FIFO would block, a device never end).
const flags = constants.O_RDONLY | constants.O_NONBLOCK;
Error.stackTraceLimit = 0; // missing files are common (summary.json) and their errors are not shown
function read(path) {
  let fd;
  try {
    fd = openSync(path, flags);
  } catch (err) {
    return err.code === 'ENOENT' || err.code === 'ENOTDIR' ? null : false;
  }
  try {
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    if (n > 0 && n < buffer.length) return decoder.decode(buffer.subarray(0, n));
    if (!fstatSync(fd).isFile()) return false;
    return n === 0 ? '' : readFileSync(fd, 'utf8');
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
for (;;) {
  const start = Atomics.add(next, 0, chunk);
  if (start >= names.length) break;
  const texts = [];
  for (const name of names.slice(start, start + chunk)) for (const file of files) texts.push(read(runsDir + '/' + name + '/' + file));
  parentPort.postMessage({ start, texts });
}
parentPort.postMessage({ done: true });
`;

/**
 * Starts reading `files` of the meta dirs `names` (entries of `runsDir`) on
 * a worker thread. Two threads reading one small file at a time: never
 * more than two files open, and the reads take half the time on a second
 * core. `undefined` when no worker can be started (the caller reads on the
 * main thread).
 *
 * @example
 * ```ts
 * const ahead = startReadAhead(runsDir, ['a.meta'], ['proc/exit']);
 * const texts = await ahead?.finish(); // texts.get('a.meta')?.['proc/exit']
 * ```
 */
export function startReadAhead(runsDir: string, names: readonly string[], files: readonly string[]): ReadAhead | undefined {
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const results = new Map<string, Record<string, AheadText>>();
  const store = (start: number, texts: readonly (AheadText | false)[]): void => {
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
    const url = new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`);
    worker = new Worker(url, { workerData: { runsDir, names, files, counter, chunk: CHUNK } });
  } catch {
    return undefined;
  }
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (m: { start: number; texts: (AheadText | false)[] } | { done: true }) => {
      if ('done' in m) resolve();
      else store(m.start, m.texts);
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  return {
    async finish() {
      for (let start = Atomics.add(next, 0, CHUNK); start < names.length; start = Atomics.add(next, 0, CHUNK)) {
        const texts: (AheadText | false)[] = [];
        for (const name of names.slice(start, start + CHUNK)) for (const file of files) texts.push(readOnMain(runsDir, name, file));
        store(start, texts);
      }
      await ended;
      return results;
    },
  };
}

function readOnMain(runsDir: string, name: string, file: string): AheadText | false {
  try {
    return readMetaSync(join(runsDir, name), file) ?? null;
  } catch {
    return false;
  }
}
