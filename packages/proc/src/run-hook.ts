import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { logRunnerSync, makeReadOnlySync, writeMetaFileSync } from '@gage/meta';
import type { ExecCommand, ExecPhase, Run } from '@gage/types';
import { formatCommand } from './_format-command.js';
import { forwardAbort } from './_forward-abort.js';
import type { OutputCallback, OutputChunkCallback } from './_output-sink.js';
import { spawnProcess } from './_spawn-process.js';
import { RunExecError } from './errors.js';
import { openRunOutput } from './open-run-output.js';
import { OUTPUT_DRAIN_MS } from './run-output-writer.js';

/**
 * Output name of each exec phase (docs/spec/lifecycle.md 7.5).
 *
 * @example
 * ```ts
 * HOOK_OUTPUT_NAMES['stage-runtime']; // '20_runtime'
 * ```
 */
export const HOOK_OUTPUT_NAMES: Readonly<Record<ExecPhase, string>> = {
  'stage-sourcecode': '10_sourcecode',
  'stage-runtime': '20_runtime',
  'stage-dependencies': '30_dependencies',
  run: '40_run',
  finalize: '50_finalize',
};

const STAGING_PHASES: ReadonlySet<ExecPhase> = new Set(['stage-sourcecode', 'stage-runtime', 'stage-dependencies']);

/** Options of {@link runHook}. */
export interface RunHookOptions {
  /** The project dir, set as `project_dir` for the three staging hooks. */
  projectDir?: string | undefined;
  /** Called with `(stream, lineBytes)` for each line of output (the `exec-output` event). */
  onOutput?: OutputCallback | undefined;
  /** Called with `(stream, pieces)` once per chunk of output: the lines it completed (see `OutputChunkCallback`). */
  onOutputChunk?: OutputChunkCallback | undefined;
  /**
   * Stops the hook: on abort its process (and, for a signal other than
   * `SIGINT`, its descendants) gets `SIGINT` or the signal named by
   * `signal.reason`; `runHook` waits for it and fails with `RunExecError`.
   */
  signal?: AbortSignal | undefined;
  /** Milliseconds after an abort before a hook still alive gets `SIGKILL` (default 10000). */
  killGraceMs?: number | undefined;
}

/**
 * Runs the hook of an exec phase (docs/spec/lifecycle.md 7.5) in the run dir (made if
 * missing) and captures its output into `output/<10_sourcecode|20_runtime|
 * 30_dependencies|40_run|50_finalize>`, stdout with stream code 0 and stderr
 * with 1. The environment is the parent's with `run_id`, `run_dir` and, for
 * staging hooks, `project_dir`. Holds `proc/lock` (the child pid) while the
 * hook runs and deletes it also when the hook fails; both output files end
 * read-only. Takes no run lock: the caller (`stageRun`, `finalizeRun`) holds it.
 *
 * @param run The run.
 * @param phase The exec phase, e.g. `stage-runtime` or `finalize`.
 * @param cmd The hook command (array, shell string or `#!` form).
 * @param options `projectDir`, `onOutput`, `onOutputChunk`, `signal`, `killGraceMs`.
 * @throws `RunExecError` (`ERR_GAGE_RUN_EXEC`) when the hook exits non-zero (`exitCode` -signum for a signal);
 *   `SpawnError` (`ERR_GAGE_SPAWN`) when it cannot be started.
 * @example
 * ```ts
 * await runHook(run, 'stage-runtime', 'python -m venv .venv', { projectDir });
 * ```
 */
export async function runHook(run: Run, phase: ExecPhase, cmd: ExecCommand, options: RunHookOptions = {}): Promise<void> {
  const name = HOOK_OUTPUT_NAMES[phase];
  await mkdir(run.runDir, { recursive: true });
  const env: Record<string, string> = { run_id: run.id, run_dir: run.runDir };
  if (STAGING_PHASES.has(phase) && options.projectDir !== undefined) env.project_dir = options.projectDir;
  logRunnerSync(run, `Starting ${phase} (see output/${name}): ${formatCommand(cmd)}`);
  const child = await spawnProcess(cmd, { cwd: run.runDir, env });
  const output = openRunOutput(run, child, { name, onOutput: options.onOutput, onOutputChunk: options.onOutputChunk });
  const finishForwarding = forwardAbort(child, options);
  let exitCode: number;
  try {
    writeMetaFileSync(run, 'proc/lock', String(child.pid));
    logRunnerSync(run, 'Writing meta proc/lock');
    exitCode = await child.exit;
    logRunnerSync(run, `Exit code for ${phase}: ${exitCode}`);
    await output.waitAndClose(OUTPUT_DRAIN_MS);
  } finally {
    await finishForwarding();
    await output.waitAndClose(OUTPUT_DRAIN_MS).catch(() => undefined);
    await rm(join(run.metaDir, 'proc', 'lock'), { force: true });
    logRunnerSync(run, 'Deleting meta proc/lock');
    makeReadOnlySync(output.outputPath);
    makeReadOnlySync(output.indexPath);
  }
  if (exitCode !== 0) throw new RunExecError(phase, cmd, exitCode);
}
