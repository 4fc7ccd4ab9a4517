import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { logRunnerSync, makeLoopYield, makeReadOnlySync, writeManifest, writeRunTimestampSync } from '@gage/meta';
import type { Run } from '@gage/types';
import type { StageOptions } from './stage-options.js';

/**
 * Staging phase 5 (docs/spec/lifecycle.md 7.1): writes the manifest (sha256 of every
 * staged file), makes the staged files read-only and writes `staged`.
 *
 * @example
 * ```ts
 * await finalizeStagedRun(run); // runStatus(run) is now 'staged'
 * ```
 */
export async function finalizeStagedRun(run: Run, options: StageOptions = {}): Promise<void> {
  options.onPhase?.('stage-finalize');
  await mkdir(run.runDir, { recursive: true });
  logRunnerSync(run, 'Finalizing staged files (see manifest)');
  const entries = await writeManifest(run);
  const pause = makeLoopYield(); // keeps the run lock fresh through thousands of synchronous chmods
  for (const entry of entries) {
    makeReadOnlySync(join(run.runDir, ...entry.path.split('/')));
    const turn = pause();
    if (turn) await turn;
  }
  writeRunTimestampSync(run, 'staged');
}
