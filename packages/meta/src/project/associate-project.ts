import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Run } from '@gage/types';
import { ProjectRefError } from '../errors.js';
import { runProjectFile } from '../run/_run-paths.js';
import { writeFileAtomicSync } from '../io/_write-file-atomic-sync.js';

/**
 * Records the project a run came from in `<runsDir>/<id>.project`
 * (docs/spec/lifecycle.md 13): `file:<ref>` without a newline, written atomically.
 * When the runs dir is inside the project (tested by path segments, after
 * resolving symlinks), `<ref>` is the project's path relative to the runs
 * dir (`file:..` for `<project>/.runs`, `file:../..` for
 * `<project>/.gage/runs`), so the project stays relocatable with its runs;
 * otherwise it is the absolute project path.
 *
 * @throws {ProjectRefError} `project_dir must be absolute: "<dir>"` (`ERR_GAGE_PROJECT_REF`).
 * @example
 * ```ts
 * await associateProject(run, '/home/maria/mnist'); // writes 'file:../..' for /home/maria/mnist/.gage/runs
 * ```
 */
export async function associateProject(run: Run, projectDir: string): Promise<void> {
  if (!isAbsolute(projectDir)) {
    throw new ProjectRefError(`project_dir must be absolute: "${projectDir}"`, {
      hint: 'Pass an absolute path, e.g. path.resolve(dir).',
    });
  }
  const project = await canonical(projectDir);
  const runsDir = await canonical(dirname(run.runDir));
  const rel = relative(project, runsDir);
  const inside = rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
  const ref = inside ? relative(runsDir, project).split(sep).join('/') || '.' : project;
  writeFileAtomicSync(runProjectFile(run), `file:${ref}`);
}

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}
