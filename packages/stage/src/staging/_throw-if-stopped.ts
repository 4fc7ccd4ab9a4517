import type { Run } from '@gage/types';
import { StagingStoppedError } from '../errors.js';

/**
 * Fails with `StagingStoppedError` once `signal` (`StageOptions.signal`) was
 * aborted: checked between staging phases and before a hook is started, so a
 * stopped staging starts nothing new.
 *
 * @param run the run being staged
 * @param signal the staging's abort signal, if any
 * @param cause the error of the phase that was running, if it failed
 */
export function throwIfStopped(run: Run, signal: AbortSignal | undefined, cause?: unknown): void {
  if (signal?.aborted) throw new StagingStoppedError(run.id, String(signal.reason ?? 'aborted'), { cause });
}
