import { GagefileLoadError, opdefDefault, opdefDescription, opdefVersion, type Gagefile } from '@gage/stage';
import { compareCodePoints, type OpDef } from '@gage/types';
import { CliError, PresentedError } from '../errors.js';
import type { OutputMode } from '../io.js';
import { formatTable } from '../output/format-table.js';
import type { ProjectInfo } from '../project.js';

/** An operation as `gage operations` shows it. */
export interface OperationEntry {
  name: string;
  opdef: OpDef;
  description: string | undefined;
  isDefault: boolean;
  version: string | undefined;
}

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

/**
 * The operations of a Gage file (`gagefile.operations`), sorted by name.
 *
 * @example
 * ```ts
 * listOperations(gagefile.operations).map((op) => op.name); // ['fail', 'hello']
 * ```
 */
export function listOperations(operations: readonly OpDef[]): OperationEntry[] {
  return [...operations]
    .sort((a, b) => compareCodePoints(a.name, b.name))
    .map((opdef) => ({
      name: opdef.name,
      opdef,
      description: opdefDescription(opdef) || undefined,
      isDefault: opdefDefault(opdef),
      version: opdefVersion(opdef) ?? undefined,
    }));
}

/**
 * The operations table of docs/spec/cli.md 5.9: `operation | description`, the first
 * description line plus ` (default)`, wrapped to the width.
 *
 * @example
 * ```ts
 * io.stdout.write(formatOperationsTable(listOperations(gagefile.operations), mode));
 * ```
 */
export function formatOperationsTable(ops: OperationEntry[], mode: OutputMode): string {
  const rows = ops.map((op) => {
    const first = (op.description ?? '').trim().split('\n')[0]?.trim() ?? '';
    return [op.name, [first, op.isDefault ? '(default)' : ''].filter((s) => s).join(' ')];
  });
  return formatTable(
    [{ header: 'operation', style: () => ['cyan'] }, { header: 'description', flex: 'wrap' }],
    rows,
    { width: mode.width, styled: mode.styled, color: mode.color },
  );
}
