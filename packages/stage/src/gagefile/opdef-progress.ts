import { EXEC_PHASES, type ExecPhase, type OpDef } from '@gage/types';

/**
 * The opdef's output progress parser per phase (docs/spec/stage.md 2.2, 2.4): a string
 * is the `run` phase's parser (e.g. `tqdm`); an object gives each phase
 * (`finalize-run` counts as `finalize`); absent gives `{}`.
 *
 * @example
 * ```ts
 * opdefProgress(OpDef('train', { progress: 'tqdm' })); // { run: 'tqdm' }
 * ```
 */
export function opdefProgress(opdef: OpDef): Partial<Record<ExecPhase, string>> {
  const progress = opdef.data['progress'];
  if (typeof progress === 'string') return { run: progress };
  const out: Partial<Record<ExecPhase, string>> = {};
  if (progress === null || typeof progress !== 'object' || Array.isArray(progress)) return out;
  for (const phase of EXEC_PHASES) {
    const value = phase === 'finalize' ? progress['finalize-run'] ?? progress[phase] : progress[phase];
    if (typeof value === 'string') out[phase] = value;
  }
  return out;
}
