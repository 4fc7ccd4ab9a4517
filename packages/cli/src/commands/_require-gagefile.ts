import { GagefileLoadError, type Gagefile } from '@gage/stage';
import { CliError, PresentedError } from '../errors.js';
import type { ProjectInfo } from '../project.js';

/**
 * The loaded Gage file of the project, or the errors of docs/spec/cli.md 5.1: no Gage
 * file (`ERR_GAGE_NO_OPERATIONS`), or a file that cannot be loaded (the
 * `GagefileLoadError` of `@gage/stage`, with its code, in the words of
 * docs/spec/cli.md).
 *
 * @example
 * ```ts
 * const gagefile = requireGagefile(project);
 * ```
 */
export function requireGagefile(project: ProjectInfo): Gagefile {
  const err = project.loadError;
  if (err) {
    if (!(err instanceof GagefileLoadError)) throw err;
    throw new PresentedError(err, { message: `There was an issue reading operations from ${project.gagefileShown ?? project.gagefilePath}: ${err.message}` });
  }
  if (!project.gagefile) throw new CliError('ERR_GAGE_NO_OPERATIONS', 'No operations defined for the current directory');
  return project.gagefile;
}
