import { resolve } from 'node:path';
import { readRunOpdef, scanRunFiles } from '@gage/meta';
import { runHook } from '@gage/proc';
import type { Run } from '@gage/types';
import { checkDependsSupported } from '../gagefile/opdef-depends.js';
import { opdefExec } from '../gagefile/opdef-exec.js';
import type { StageOptions } from './stage-options.js';

/**
 * Staging phase 4 (lifecycle.md 7.1, stage.md 6): checks the declared
 * dependencies (resolving them is left for later by the spec, so a kind that
 * would need resolving is rejected, never ignored), runs the
 * `stage-dependencies` hook and logs what it created with type `d`.
 *
 * @throws {DependsNotSupportedError} for a dependency that cannot be resolved yet.
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageDependencies(run, projectDir);
 * ```
 */
export async function stageDependencies(run: Run, projectDir: string, options: StageOptions = {}): Promise<void> {
  options.onPhase?.('stage-dependencies');
  const opdef = await readRunOpdef(run);
  checkDependsSupported(opdef);
  const hook = opdefExec(opdef)['stage-dependencies'];
  if (hook !== undefined) {
    await runHook(run, 'stage-dependencies', hook, { projectDir: resolve(projectDir), onOutput: options.onOutput });
  }
  await scanRunFiles(run, 'd');
}
