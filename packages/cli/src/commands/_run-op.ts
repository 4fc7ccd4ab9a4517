import { FlagAssignError, NoDefaultOperationError, OperationNotFoundError, parseFlagAssign, parseRunFlag, resolveOperation, type Gagefile,
  type RunFlag } from '@gage/stage';
import type { OpDef } from '@gage/types';
import { PresentedError } from '../errors.js';
import type { OutputMode } from '../io.js';

/**
 * Splits `run` positionals into the operation spec and flag assignments: the
 * first positional is a flag when it contains `=` and parses as one
 * (docs/spec/cli.md 5.1).
 *
 * @example
 * ```ts
 * splitRunArgs(['name=Ada']); // { opSpec: undefined, flagArgs: ['name=Ada'] }
 * ```
 */
export function splitRunArgs(args: string[]): { opSpec: string | undefined; flagArgs: string[] } {
  const [first, ...rest] = args;
  if (first === undefined) return { opSpec: undefined, flagArgs: [] };
  if (first.includes('=')) {
    try {
      parseFlagAssign(first);
      return { opSpec: undefined, flagArgs: args };
    } catch {
      // not a flag: an operation name
    }
  }
  return { opSpec: first, flagArgs: rest };
}

/**
 * Parses flag assignments (docs/spec/stage.md 5.9) with `parseRunFlag` of
 * `@gage/stage`, in command-line order; the config they make comes from
 * `resolveRunConfig`. Its `FlagAssignError` (`ERR_GAGE_FLAG`) is shown as
 * `Invalid flag assignment: <parser message>`, or `expected NAME=VALUE, got
 * '<arg>'` for an argument with no `=` (docs/spec/cli.md 5.1).
 *
 * @example
 * ```ts
 * parseFlags(['x=1', 'y=2.0']); // [{ name: 'x', value: 1n, text: '1' }, { name: 'y', value: 2, text: '2.0' }]
 * ```
 */
export function parseFlags(flagArgs: string[]): RunFlag[] {
  return flagArgs.map((arg) => {
    try {
      return parseRunFlag(arg);
    } catch (err) {
      if (!(err instanceof FlagAssignError)) throw err;
      const detail = arg.includes('=') ? err.message : `expected NAME=VALUE, got '${arg}'`;
      throw new PresentedError(err, { message: `Invalid flag assignment: ${detail}` });
    }
  });
}

/**
 * Resolves the operation to run (docs/spec/cli.md 5.1) with `resolveOperation` of
 * `@gage/stage`: by name, else the only one, else the first default. Its
 * `Cannot find operation '<x>'` and `Cannot find a default operation` are
 * shown without `gage: `, followed by the operations table, exit 1. Async:
 * the table's code is loaded only for that error (not on `gage run`'s path).
 *
 * @example
 * ```ts
 * const opdef = await resolveRunOperation(gagefile, 'hello', mode);
 * ```
 */
export async function resolveRunOperation(gagefile: Gagefile, spec: string | undefined, mode: OutputMode): Promise<OpDef> {
  try {
    return resolveOperation(gagefile, spec);
  } catch (err) {
    if (!(err instanceof OperationNotFoundError || err instanceof NoDefaultOperationError)) throw err;
    const { formatOperationsTable, listOperations } = await import('./_operations.js'); // the table code only for this error
    const table = formatOperationsTable(listOperations(err.operations), mode).trimEnd();
    throw new PresentedError(err, { hint: `Operations defined for this project:\n\n${table}`, unprefixed: true });
  }
}
