import type { Run } from '@gage/types';
import { RunOutputWriter } from './run-output-writer.js';
import type { OutputSource, RunOutputWriterOptions } from './run-output-writer.js';

/**
 * Opens a {@link RunOutputWriter} on `output/<name>` (default `40_run`) of
 * `run`, already capturing `proc` (docs/spec/lifecycle.md 8.3). Creates `output/` if
 * needed.
 *
 * @param run The run whose meta dir receives the output.
 * @param proc The process to capture (a `RunProcess` from `startRun`).
 * @param options `name`, `onOutput(stream, lineBytes)`, `onOutputChunk(stream, pieces)`, `onClose`, `maxPendingLine`.
 * @returns The open writer; call `waitAndClose()` after the process exited.
 * @example
 * ```ts
 * const p = await startRun(run);
 * const output = openRunOutput(run, p);
 * await p.wait();
 * await output.waitAndClose();
 * ```
 */
export function openRunOutput(run: Run, proc: OutputSource, options: RunOutputWriterOptions = {}): RunOutputWriter {
  const writer = new RunOutputWriter(run, options);
  writer.open(proc);
  return writer;
}
