import { resolve } from 'node:path';
import { readRunOpdefSync, scanRunFiles } from '@gage/meta';
import { runHook } from '@gage/proc';
import type { Run } from '@gage/types';
import { opdefExec } from '../gagefile/opdef-exec.js';
import type { StageOptions } from './stage-options.js';
import { throwIfStopped } from './_throw-if-stopped.js';

/**
 * Staging phase 3 (docs/spec/lifecycle.md 7.1): runs the `stage-runtime` hook, if the
 * operation has one, and logs what it created with files-log type `r`.
 *
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageRuntime(run, projectDir); // e.g. a hook that makes .venv
 * ```
 */
export async function stageRuntime(run: Run, projectDir: string, options: StageOptions = {}): Promise<void> {
  options.onPhase?.('stage-runtime');
  const hook = opdefExec(readRunOpdefSync(run))['stage-runtime'];
  if (hook !== undefined) {
    throwIfStopped(run, options.signal);
    await runHook(run, 'stage-runtime', hook, { projectDir: resolve(projectDir), onOutput: options.onOutput, signal: options.signal });
  }
  await scanRunFiles(run, 'r');
}
