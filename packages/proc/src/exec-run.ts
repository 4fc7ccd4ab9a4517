import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lockRun, logRunnerSync, readRunOpdefSync, runMetaPath, writeMetaFileSync, writeRunTimestampSync } from '@gage/meta';
import type { RunLock } from '@gage/meta';
import type { OpDef, Run } from '@gage/types';
import type { OutputCallback, OutputChunkCallback } from './_output-sink.js';
import { RunOutputError } from './errors.js';
import { forwardAbort } from './_forward-abort.js';
import { openRunOutput } from './open-run-output.js';
import { OUTPUT_DRAIN_MS } from './run-output-writer.js';
import { ScalarCapture, scalarPatterns } from './scalar-capture.js';
import { startRun } from './start-run.js';
import type { RunProcess } from './start-run.js';

/** Options of {@link execRun}. */
export interface ExecRunOptions {
  /** A run lock the caller holds; otherwise `execRun` takes one for its own duration. */
  lock?: RunLock | undefined;
  /**
   * Stops the run: on abort the process gets `SIGINT`, or the signal named by
   * `signal.reason` when that is a signal name (`controller.abort('SIGTERM')`).
   * `execRun` still waits for the process and its output.
   */
  signal?: AbortSignal | undefined;
  /** Called with `(stream, lineBytes)` for each line of output. */
  onOutput?: OutputCallback | undefined;
  /** Called with `(stream, pieces)` once per chunk of output: the lines it completed (see `OutputChunkCallback`). */
  onOutputChunk?: OutputChunkCallback | undefined;
  /**
   * Milliseconds after an abort before a process that is still alive gets
   * `SIGKILL` (default 10000; `Infinity` never).
   */
  killGraceMs?: number | undefined;
  /** Extra environment for the process, applied last. */
  env?: Record<string, string> | undefined;
  /** `PARENT_PWD` for the process (default: `process.cwd()`). */
  parentPwd?: string | undefined;
  /**
   * Called once the run process exited, with its status, before the rest of
   * its output is read (e.g. to tell an abort that came after the exit from
   * one that stopped the run).
   */
  onExit?: ((status: number) => void) | undefined;
  /**
   * Called once the output is closed with the last value of each scalar
   * stored in the meta file `scalars` (decision 20), keys in order of first
   * appearance; pass it to `finalizeRun` as `scalars` so that finalizing
   * need not read the file back. Not called for a run without scalar
   * capture (`output-scalars = false`).
   */
  onScalars?: ((lastValues: ReadonlyMap<string, number>) => void) | undefined;
}

/**
 * Runs a staged run to its end (docs/spec/lifecycle.md 8.2): takes the run lock,
 * writes `started`, starts the process, writes `proc/lock` (its pid, read-only),
 * captures its output into `output/40_run`, logs `Exit code for run: <n>`,
 * closes the output and deletes `proc/lock` (also on failure). Does not
 * finalize: call `finalizeRun(run, status)` next.
 *
 * The run ends when its process exits: what is left in the pipes is read
 * for at most {@link OUTPUT_DRAIN_MS} more (not counting time the chunk
 * callback holds reading), then the output is closed even if a process the
 * run left in the background still holds a pipe. An abort stops that
 * process group too.
 *
 * @param run A staged run.
 * @param options `lock`, `signal`, `onOutput`, `onOutputChunk`, `killGraceMs`, `env`, `parentPwd`, `onExit`, `onScalars`.
 * @returns The exit status: the exit code, or `-signum` for a signal (no throw for non-zero).
 * @throws `RunLockedError` when another process holds the run; `SpawnError` when the process cannot start;
 *   `RunOutputError` (with the process's `exitStatus`) when its output could not be saved (a full disk).
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort('SIGINT'));
 * const status = await execRun(run, {
 *   signal: controller.signal,
 *   onOutputChunk: (s, pieces) => pieces.forEach((p) => (s === 0 ? process.stdout : process.stderr).write(p)),
 * });
 * await finalizeRun(run, status);
 * ```
 */
export async function execRun(run: Run, options: ExecRunOptions = {}): Promise<number> {
  const lock = options.lock ?? await lockRun(run);
  try {
    const scalars = openScalarCapture(run);
    writeRunTimestampSync(run, 'started');
    const proc = await startRun(run, { lock, env: options.env, parentPwd: options.parentPwd });
    let output;
    try {
      output = openRunOutput(run, proc, { onOutput: options.onOutput, onOutputChunk: options.onOutputChunk, scalars });
    } catch (err) {
      proc.killGroup('SIGTERM'); // its output cannot be captured (e.g. no space for the files): do not leave it running
      await proc.wait();
      throw err;
    }
    const finishForwarding = forwardAbort(proc, options);
    let failed = false;
    try {
      writeMetaFileSync(run, 'proc/lock', String(proc.pid));
      logRunnerSync(run, 'Writing meta proc/lock');
      const status = await proc.wait();
      options.onExit?.(status);
      logRunnerSync(run, `Exit code for run: ${status}`);
      await output.waitAndClose(OUTPUT_DRAIN_MS).catch((err: unknown) => {
        throw new RunOutputError(run.id, output.outputPath, status, err);
      });
      return status;
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      await finishForwarding();
      if (failed) proc.killGroup('SIGTERM'); // cannot track the run any more: stop it
      await proc.wait();
      await output.waitAndClose(OUTPUT_DRAIN_MS).catch(() => undefined);
      if (scalars) options.onScalars?.(scalars.lastValues);
      await rm(join(run.metaDir, 'proc', 'lock'), { force: true });
      // After a failure (often a full disk) the log may not take the line: the first error is the one to report.
      try {
        logRunnerSync(run, 'Deleting meta proc/lock');
      } catch (err) {
        if (!failed) throw err;
      }
    }
  } finally {
    if (!options.lock) await lock.release();
  }
}

/**
 * The scalar capture of a run (decision 20) from its op's `output-scalars`:
 * none when it is `false`; patterns that do not compile are logged and left out.
 */
function openScalarCapture(run: Run): ScalarCapture | undefined {
  let opdef: OpDef | undefined;
  try {
    opdef = readRunOpdefSync(run);
  } catch {
    // an unreadable opdef has no output-scalars: the default patterns
  }
  const { patterns, problems } = scalarPatterns(opdef?.data['output-scalars']);
  for (const problem of problems) logRunnerSync(run, `Scalars: ${problem}`);
  return patterns === undefined ? undefined : new ScalarCapture(runMetaPath(run, 'scalars'), patterns);
}
