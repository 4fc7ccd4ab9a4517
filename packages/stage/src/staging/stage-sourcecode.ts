import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { logRunnerSync, readRunOpdefSync, scanRunFiles } from '@gage/meta';
import { runHook } from '@gage/proc';
import type { Run } from '@gage/types';
import type { SkippedPath } from '../sourcecode/plan-sourcecode.js';
import { opdefExec } from '../gagefile/opdef-exec.js';
import { copySourcecode } from '../sourcecode/copy-sourcecode.js';
import { planSourcecode } from '../sourcecode/plan-sourcecode.js';
import { sourcecodePatterns } from '../sourcecode/sourcecode-patterns.js';
import { limitSkips } from '../sourcecode/limit-skip-warning.js';
import { defaultWarning, type StageOptions } from './stage-options.js';
import { throwIfStopped } from './_throw-if-stopped.js';

/** Options of {@link stageSourcecode}. */
export interface StageSourcecodeOptions extends StageOptions {
  /** Scan the run dir into `log/files` with type `s` afterwards (default true; `stageRun` scans after config). */
  logFiles?: boolean | undefined;
}

/**
 * Staging phase 1 (docs/spec/lifecycle.md 7.1): copies the selected project files into
 * the run dir (creating it), then runs the `stage-sourcecode` hook. The
 * patterns come from the run's `opdef.json` (docs/spec/stage.md 4.4).
 *
 * @param run an initialized run
 * @param projectDir the project to copy from
 * @throws {RunExecError} when the hook exits non-zero.
 * @example
 * ```ts
 * await stageSourcecode(run, projectDir); // run dir holds the source, log/files lists it
 * ```
 */
export async function stageSourcecode(run: Run, projectDir: string, options: StageSourcecodeOptions = {}): Promise<void> {
  const warn = options.onWarning ?? defaultWarning;
  options.onPhase?.('stage-sourcecode');
  const opdef = readRunOpdefSync(run);
  const patterns = sourcecodePatterns(opdef);
  logRunnerSync(run, `Copying source code (see log/files): ${JSON.stringify(patterns)}`);
  const srcDir = resolve(projectDir);
  const plan = await planSourcecode(srcDir, patterns, { runsDir: dirname(run.runDir) });
  for (const message of plan.warnings) warn(message);
  logLimitSkips(run, plan.skipped);
  await mkdir(run.runDir, { recursive: true });
  await copySourcecode(plan, run.runDir, { onWarning: warn });
  const hook = opdefExec(opdef)['stage-sourcecode'];
  if (hook !== undefined) {
    throwIfStopped(run, options.signal);
    await runHook(run, 'stage-sourcecode', hook, { projectDir: srcDir, onOutput: options.onOutput, signal: options.signal });
  }
  if (options.logFiles ?? true) await scanRunFiles(run, 's');
}

/** Most skipped files named in the runner log, one line each; the rest are counted. */
const LOGGED_SKIPS = 1000;

/** Records in the runner log each file a size test or `max-matches` budget left out (issue 11). */
function logLimitSkips(run: Run, skipped: readonly SkippedPath[]): void {
  const limited = limitSkips(skipped);
  if (limited.length === 0) return;
  const lines = limited.slice(0, LOGGED_SKIPS).map((s) => `Source code skipped (${s.reason}${s.size === undefined ? '' : `, ${s.size} bytes`}): ${s.path}`);
  if (limited.length > LOGGED_SKIPS) lines.push(`Source code skipped: ${limited.length - LOGGED_SKIPS} more files (size or count limit)`);
  for (const line of lines) logRunnerSync(run, line);
}
