import type { Run } from '@gage/types';

/**
 * Sidecar paths of a run (docs/spec/lifecycle.md 1). They follow the run dir, which is
 * `<runsDir>/<id>` for active and deleted runs alike.
 */
export function runUserDir(run: Run): string {
  return `${run.runDir}.user`;
}

/** `<runsDir>/<id>.project`, the project reference file. */
export function runProjectFile(run: Run): string {
  return `${run.runDir}.project`;
}
