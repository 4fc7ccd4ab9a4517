import { FlagAssignError, NoDefaultOperationError, OperationNotFoundError, parseFlagAssign, parseRunFlag, resolveOperation, type Gagefile,
  type RunFlag } from '@gage/stage';
import { compareCodePoints, configValueType, type Config, type ConfigValue, type OpDef } from '@gage/types';
import { PresentedError } from '../errors.js';
import type { OutputMode } from '../io.js';
import { escapeControl } from '../output/escape-control.js';
import { keyValueLines } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';
import { formatValue } from '../output/format-value.js';
import { formatOperationsTable, listOperations } from './_operations.js';

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
 * shown without `gage: `, followed by the operations table, exit 1.
 *
 * @example
 * ```ts
 * const opdef = resolveRunOperation(gagefile, 'hello', mode);
 * ```
 */
export function resolveRunOperation(gagefile: Gagefile, spec: string | undefined, mode: OutputMode): OpDef {
  try {
    return resolveOperation(gagefile, spec);
  } catch (err) {
    if (!(err instanceof OperationNotFoundError || err instanceof NoDefaultOperationError)) throw err;
    const table = formatOperationsTable(listOperations(err.operations), mode).trimEnd();
    throw new PresentedError(err, { hint: `Operations defined for this project:\n\n${table}`, unprefixed: true });
  }
}

/**
 * The `--help-op` text (docs/spec/cli.md 5.1): usage, description, and a `Flags`
 * table of every flag with its type and default (decision 15: nested keys
 * of structured config files included).
 *
 * @example
 * ```ts
 * formatHelpOp(opdef, { name: 'World' }, mode);
 * ```
 */
export function formatHelpOp(opdef: OpDef, config: Config, mode: OutputMode): string {
  let out = `Usage: gage run ${opdef.name}\n`;
  const desc = typeof opdef.data.description === 'string' ? opdef.data.description.trim() : '';
  if (desc) out += '\n' + desc.split('\n').map((l) => (l.trim() ? ` ${escapeControl(l)}` : '')).join('\n') + '\n';
  const keys = Object.keys(config).sort(compareCodePoints);
  if (keys.length > 0) {
    const rows = keys.map((k) => [k, configValueType(config[k] as ConfigValue), formatValue(config[k])]);
    const columns = [{ header: 'name' }, { header: 'type' }, { header: 'default' }];
    out += '\nFlags\n' + formatTable(columns, rows, { width: mode.width, styled: mode.styled, color: mode.color });
  }
  return out;
}

/**
 * The confirmation text before `Continue?` (docs/spec/cli.md 5.1): the verb line and
 * the config block.
 *
 * @example
 * ```ts
 * formatRunConfirm('run hello', { name: 'World' }); // 'You are about to run hello\n\n name  World\n\n'
 * ```
 */
export function formatRunConfirm(what: string, config: Config): string {
  const keys = Object.keys(config).sort(compareCodePoints);
  if (keys.length === 0) return `You are about to ${what}\n\n`;
  const lines = keyValueLines(keys.map((k) => [k, formatValue(config[k])])).map((line) => ` ${line}`); // escaped
  return `You are about to ${what}\n\n${lines.join('\n')}\n\n`;
}
