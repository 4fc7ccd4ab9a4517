import { rm } from 'node:fs/promises';
import type { Run } from '@gage/types';
import { runProjectFile } from '../run/_run-paths.js';

/**
 * Removes a run's project reference `<runsDir>/<id>.project`
 * (docs/spec/lifecycle.md 13); a run without one is fine.
 *
 * @example
 * ```ts
 * await removeAssociateProject(run); // gage associate --remove
 * ```
 */
export async function removeAssociateProject(run: Run): Promise<void> {
  await rm(runProjectFile(run), { force: true });
}
