import { resolve } from 'node:path';
import { readRunOpdefSync, scanRunFiles } from '@gage/meta';
import { runHook } from '@gage/proc';
import type { Run } from '@gage/types';
import { checkDependsSupported, opdefDepends } from '../gagefile/opdef-depends.js';
import { opdefExec } from '../gagefile/opdef-exec.js';
import { resolveProjectFiles } from './resolve-project-files.js';
import { defaultWarning, type StageOptions } from './stage-options.js';
import { throwIfStopped } from './_throw-if-stopped.js';

/**
 * Staging phase 4 (docs/spec/lifecycle.md 7.1, docs/spec/stage.md 6): resolves the declared
 * dependencies (project files are copied, or linked with `link: true`;
 * kinds the spec leaves for later are refused), runs the
 * `stage-dependencies` hook and logs what they added with type `d`.
 *
 * @throws {DependsNotSupportedError} for a run-files or runs-summary dependency.
 * @throws {DependencyNotFoundError} for project-files patterns that match nothing.
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageDependencies(run, projectDir); // data/train.csv now in the run dir, type d
 * ```
 */
export async function stageDependencies(run: Run, projectDir: string, options: StageOptions = {}): Promise<void> {
  options.onPhase?.('stage-dependencies');
  const opdef = readRunOpdefSync(run);
  checkDependsSupported(opdef);
  const srcDir = resolve(projectDir);
  const onWarning = options.onWarning ?? defaultWarning;
  for (const dependency of opdefDepends(opdef)) {
    await resolveProjectFiles(run, srcDir, dependency, { opName: opdef.name, onWarning });
  }
  const hook = opdefExec(opdef)['stage-dependencies'];
  if (hook !== undefined) {
    throwIfStopped(run, options.signal);
    await runHook(run, 'stage-dependencies', hook, { projectDir: srcDir, onOutput: options.onOutput, signal: options.signal });
  }
  await scanRunFiles(run, 'd');
}
