import type { RunLock } from '@gage/meta';
import * as stage from '@gage/stage';
import { GageError, type Config, type OpDef, type Run } from '@gage/types';

/** Options of `stageRun` as architecture.md and `@gage/stage`'s `StageOptions` define them. */
export interface StageRunOptions {
  lock?: RunLock | undefined;
  runsDir?: string | undefined;
  onPhase?: ((phase: string) => void) | undefined;
  onOutput?: ((stream: number, line: Uint8Array) => void) | undefined;
}

type StageRunFn = (run: Run, projectDir: string, options?: StageRunOptions) => Promise<unknown>;
type ReadProjectConfigFn = (projectDir: string, opdef: OpDef) => Config | Promise<Config>;

function stageExport<T>(name: string): T {
  const fn = (stage as Record<string, unknown>)[name];
  if (typeof fn !== 'function') {
    throw new GageError('ERR_GAGE_STAGE_API', `@gage/stage does not export ${name}`, { hint: 'Rebuild @gage/stage (pnpm build).' });
  }
  return fn as T;
}

/**
 * `stageRun` of `@gage/stage` (architecture.md), looked up when called so the
 * CLI builds while that package is being written.
 *
 * @example
 * ```ts
 * await stageRun(run, projectDir, { lock, onPhase });
 * ```
 */
export async function stageRun(run: Run, projectDir: string, options: StageRunOptions): Promise<void> {
  await stageExport<StageRunFn>('stageRun')(run, projectDir, options);
}

/**
 * `readProjectConfig` of `@gage/stage`: the operation's config defaults.
 *
 * @example
 * ```ts
 * const defaults = await readProjectConfig(projectDir, opdef);
 * ```
 */
export async function readProjectConfig(projectDir: string, opdef: OpDef): Promise<Config> {
  return stageExport<ReadProjectConfigFn>('readProjectConfig')(projectDir, opdef);
}
