import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { lockRun, logRunnerSync, makeReadOnlySync, readRunOpdefSync, scanRunFiles, writeManifest, writeMetaFileSync, writeRunTimestampSync } from '@gage/meta';
import type { RunLock } from '@gage/meta';
import { encodeMetaJson, type ExecCommand, type JsonValue, type OpDef, type Run } from '@gage/types';
import { extractRunSummary } from './extract-run-summary.js';
import { iterRunScalars, summarizeScalars } from './run-scalars.js';
import type { OutputCallback, OutputChunkCallback } from './_output-sink.js';
import { signalFromReason } from './_forward-abort.js';
import { RunExecError } from './errors.js';
import { runHook } from './run-hook.js';

/** Options of {@link finalizeRun}. */
export interface FinalizeRunOptions {
  /** A run lock the caller holds; otherwise `finalizeRun` takes one for its own duration. */
  lock?: RunLock | undefined;
  /** Called with `(stream, lineBytes)` for each line of the finalize hook's output. */
  onOutput?: OutputCallback | undefined;
  /** Called with `(stream, pieces)` once per chunk of the finalize hook's output (see `OutputChunkCallback`). */
  onOutputChunk?: OutputChunkCallback | undefined;
  /**
   * Stops the finalize hook (as `runHook`'s `signal` does; not started at all
   * when already aborted); finalizing goes on without it: files scanned,
   * manifest written, everything read-only. No `RunExecError` for a hook
   * stopped this way.
   */
  signal?: AbortSignal | undefined;
  /** Milliseconds after an abort before a finalize hook still alive gets `SIGKILL` (default 10000). */
  killGraceMs?: number | undefined;
  /** Called with each warning about the run's summary (also written to the runner log). */
  onWarning?: ((message: string) => void) | undefined;
  /**
   * The last value of each scalar as `execRun` captured it (its `onScalars`):
   * the metrics of decision 20 without reading the meta file `scalars`
   * back (a run of a million scalar lines has a 100 MB file). Without it,
   * finalizing streams the file.
   */
  scalars?: ReadonlyMap<string, number> | undefined;
}

/**
 * Finalizes a run whose process ended (docs/spec/lifecycle.md 10): makes
 * `output/40_run` read-only, writes `stopped` and `proc/exit`, deletes a
 * left-over `proc/lock`, runs the `finalize-run`/`finalize` hook into
 * `output/50_finalize`, scans the run dir for generated files (type `g`),
 * rewrites the manifest (logging files modified during the run) and makes
 * every meta and run file read-only, `log/runner` last. Summary extraction
 * (step 2) is not done yet. An abort of `signal` (the caller got SIGINT,
 * SIGTERM or SIGHUP) stops the hook and finalizing goes on; `proc/exit` keeps
 * `exitCode`, the status of the run process.
 *
 * @param run The run.
 * @param exitCode The exit status: exit code, or `-signum` (Ctrl-C: `-2`).
 * @param options `lock`, `onOutput`, `onOutputChunk`, `signal`, `killGraceMs`.
 * @throws `RunExecError` when the finalize hook fails unless `signal` stopped it (`stopped`
 *   and `proc/exit` are written, the manifest is not); `RunLockedError` when another process holds the run.
 * @example
 * ```ts
 * await finalizeRun(run, await execRun(run));
 * await runStatus(run); // 'completed' for 0
 * ```
 */
export async function finalizeRun(run: Run, exitCode: number, options: FinalizeRunOptions = {}): Promise<void> {
  if (!Number.isInteger(exitCode)) throw new TypeError(`exitCode must be an integer, got ${exitCode}`);
  const lock = options.lock ?? await lockRun(run);
  try {
    await mkdir(run.runDir, { recursive: true });
    let opdef: OpDef | undefined;
    try {
      opdef = readRunOpdefSync(run);
    } catch {
      // finalized all the same: no summary options, no finalize hook
    }
    await writeSummary(run, opdef, options);
    await makeReadOnlyIfPresent(join(run.metaDir, 'output', '40_run'));
    await makeReadOnlyIfPresent(join(run.metaDir, 'output', '40_run.index'));
    writeRunTimestampSync(run, 'stopped');
    logRunnerSync(run, 'Writing meta proc/exit');
    writeMetaFileSync(run, 'proc/exit', String(exitCode));
    if (await exists(join(run.metaDir, 'proc', 'lock'))) {
      await rm(join(run.metaDir, 'proc', 'lock'), { force: true });
      logRunnerSync(run, 'Deleting meta proc/lock');
    }
    const hook = finalizeCommand(opdef);
    if (hook !== undefined) await runFinalizeHook(run, hook, options);
    await scanRunFiles(run, 'g');
    await makeReadOnlyIfPresent(join(run.metaDir, 'log', 'files'));
    logRunnerSync(run, 'Finalizing run files (see manifest)');
    for (const entry of await writeManifest(run, { logModified: true })) {
      await makeReadOnlyIfPresent(join(run.runDir, ...entry.path.split('/')));
    }
    await makeTreeReadOnly(run.metaDir, join(run.metaDir, 'log', 'runner'));
    await makeReadOnlyIfPresent(join(run.metaDir, 'log', 'runner'));
  } finally {
    if (!options.lock) await lock.release();
  }
}

/**
 * Step 2 (decision 19): the run's summary into the meta file `summary.json`
 * when there is one, with the last value of each scalar as a metric the
 * summary does not name (decision 20); problems are warnings (runner log
 * and `onWarning`), never a failed run.
 */
async function writeSummary(run: Run, opdef: OpDef | undefined, options: FinalizeRunOptions): Promise<void> {
  const extracted = await extractRunSummary(run, opdef);
  for (const warning of extracted.warnings) {
    logRunnerSync(run, `Summary: ${warning}`);
    options.onWarning?.(warning);
  }
  if (extracted.summary !== undefined) {
    logRunnerSync(run, `Using the run summary in ${extracted.source === 'output' ? 'the output' : `"${extracted.source}"`}`);
  }
  const summary = extracted.summary ?? { attributes: {}, metrics: {} };
  // Decision 20: the last value of each scalar is a metric, unless the summary names it.
  let fromScalars = 0;
  const lastValues = options.scalars ?? new Map((await summarizeScalars(iterRunScalars(run))).map((s) => [s.key, s.last]));
  for (const [key, last] of lastValues) {
    if (Object.hasOwn(summary.metrics, key)) continue;
    Object.defineProperty(summary.metrics, key, { value: last, enumerable: true, writable: true, configurable: true });
    fromScalars++;
  }
  if (fromScalars > 0) logRunnerSync(run, `Using the last value of ${fromScalars} scalar${fromScalars === 1 ? '' : 's'} as metrics`);
  if (Object.keys(summary.attributes).length === 0 && Object.keys(summary.metrics).length === 0 && !summary.run) return;
  logRunnerSync(run, 'Writing meta summary');
  writeMetaFileSync(run, 'summary.json', encodeMetaJson(summary as unknown as JsonValue));
}

/** Runs the finalize hook; one stopped by `options.signal` is logged, not thrown. */
async function runFinalizeHook(run: Run, hook: ExecCommand, options: FinalizeRunOptions): Promise<void> {
  const signal = options.signal;
  if (signal?.aborted) {
    logRunnerSync(run, `Not starting finalize: stopped by ${signalFromReason(signal.reason)}`);
    return;
  }
  try {
    await runHook(run, 'finalize', hook, {
      onOutput: options.onOutput,
      onOutputChunk: options.onOutputChunk,
      signal,
      killGraceMs: options.killGraceMs,
    });
  } catch (err) {
    if (!(signal?.aborted && err instanceof RunExecError)) throw err;
    logRunnerSync(run, `Stopped finalize by ${signalFromReason(signal.reason)}`);
  }
}

/** The `finalize-run` (wins) or `finalize` command of an opdef's `exec` object. */
function finalizeCommand(opdef: OpDef | undefined): ExecCommand | undefined {
  const exec = opdef?.data.exec;
  if (typeof exec !== 'object' || exec === null || Array.isArray(exec)) return undefined;
  const cmd = exec['finalize-run'] ?? exec.finalize;
  if (typeof cmd === 'string' && cmd.trim() !== '') return cmd;
  if (Array.isArray(cmd) && cmd.length > 0 && cmd.every((a) => typeof a === 'string')) return cmd as string[];
  return undefined;
}

/** Makes every file under `dir` read-only except `skip` (done last by the caller). */
async function makeTreeReadOnly(dir: string, skip: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeTreeReadOnly(path, skip);
    else if (entry.isFile() && path !== skip) makeReadOnlySync(path);
  }
}

async function makeReadOnlyIfPresent(path: string): Promise<void> {
  if (await exists(path)) makeReadOnlySync(path);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
