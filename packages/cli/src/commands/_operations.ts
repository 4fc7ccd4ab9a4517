import { opdefDefault, opdefDescription, opdefVersion } from '@gage/stage';
import { compareCodePoints, type OpDef } from '@gage/types';
import type { OutputMode } from '../io.js';
import { formatTable } from '../output/format-table.js';

/** An operation as `gage operations` shows it. */
export interface OperationEntry {
  name: string;
  opdef: OpDef;
  description: string | undefined;
  isDefault: boolean;
  version: string | undefined;
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
