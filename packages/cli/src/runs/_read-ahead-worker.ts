// The worker of `startReadAhead` (`_read-ahead.ts`), built as its own file
// next to the bin (`dist/read-ahead-worker.js`). It claims `chunk` runs at a
// time from the counter it shares with the main thread and reads their files
// synchronously, one at a time, with the reader the main thread uses. It
// imports that reader alone (`@gage/meta/read-text-sync`): the whole of
// `@gage/meta` would load proper-lockfile and graceful-fs into the thread too,
// ~140 KB of JavaScript that delayed its first read.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readTextSync } from '@gage/meta/read-text-sync';
import type { ReadAheadJob, ReadAheadMessage, WorkerText } from './_read-ahead.js';

const port = parentPort;
if (port === null) throw new Error('_read-ahead-worker runs as a worker thread only');
const { runsDir, names, files, counter, chunk } = workerData as ReadAheadJob;
const next = new Int32Array(counter);
// Missing files are common (summary.json) and their errors are never shown.
Error.stackTraceLimit = 0;

for (;;) {
  const start = Atomics.add(next, 0, chunk);
  if (start >= names.length) break;
  const texts: WorkerText[] = [];
  for (const name of names.slice(start, start + chunk)) {
    const metaDir = join(runsDir, name);
    for (const file of files) texts.push(read(join(metaDir, file)));
  }
  port.postMessage({ start, texts } satisfies ReadAheadMessage);
}
port.postMessage({ done: true } satisfies ReadAheadMessage);

/** The text; `null` for a missing file (or meta dir); `false` for another error, so that the main thread reads it again and sees it. */
function read(path: string): WorkerText {
  try {
    return readTextSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : false;
  }
}
