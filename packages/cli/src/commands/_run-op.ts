import { opRunCommand, parseFlagAssign, parseRunFlag, type Gagefile, type RunFlag } from '@gage/stage';
import { compareCodePoints, configValueType, type Config, type ConfigValue, type OpCmd, type OpDef } from '@gage/types';
import { CliError, CliMessageError } from '../errors.js';
import type { OutputMode } from '../io.js';
import { escapeControl } from '../output/escape-control.js';
import { keyValueLines } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';
import { formatValue } from '../output/format-value.js';
import { formatOperationsTable, listOperations, type OperationEntry } from './_operations.js';

/**
 * Splits `run` positionals into the operation spec and flag assignments: the
 * first positional is a flag when it contains `=` and parses as one
 * (cli.md 5.1).
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
 * Parses flag assignments (stage.md 5.9), in command-line order; the config
 * they make comes from `resolveRunConfig`. Errors: `Invalid flag
 * assignment: ...` (cli.md 5.1).
 *
 * @example
 * ```ts
 * parseFlags(['x=1', 'y=2.0']); // [{ name: 'x', value: 1n, text: '1' }, { name: 'y', value: 2, text: '2.0' }]
 * ```
 */
export function parseFlags(flagArgs: string[]): RunFlag[] {
  return flagArgs.map((arg) => {
    if (!arg.includes('=')) {
      throw new CliError('ERR_GAGE_FLAG_ASSIGN', `Invalid flag assignment: expected NAME=VALUE, got '${arg}'`);
    }
    try {
      return parseRunFlag(arg);
    } catch (err) {
      throw new CliError('ERR_GAGE_FLAG_ASSIGN', `Invalid flag assignment: ${(err as Error).message}`, { cause: err });
    }
  });
}

/**
 * Resolves the operation to run (cli.md 5.1): by name, else the only one,
 * else the first default. Not found: `Cannot find operation '<x>'` (or `a
 * default operation`) and the operations table, exit 1.
 *
 * @example
 * ```ts
 * const opdef = resolveRunOperation(project, gagefile, 'hello', mode);
 * ```
 */
export function resolveRunOperation(gagefile: Gagefile, spec: string | undefined, mode: OutputMode): OpDef {
  const ops = listOperations(gagefile);
  let op: OperationEntry | undefined;
  if (spec !== undefined) op = ops.find((o) => o.name === spec);
  else op = ops.length === 1 ? ops[0] : ops.find((o) => o.isDefault);
  if (!op) {
    const message = spec !== undefined ? `Cannot find operation '${spec}'` : 'Cannot find a default operation';
    throw new CliMessageError('ERR_GAGE_OPERATION_NOT_FOUND', message, {
      hint: `Operations defined for this project:\n\n${formatOperationsTable(ops, mode).trimEnd()}`,
    });
  }
  return op.opdef;
}

/**
 * The command of a run (lifecycle.md 5.3): the opdef's `run` command with
 * `$project_dir` replaced, empty env; the missing-exec error of cli.md 5.1
 * gets its hint.
 *
 * @example
 * ```ts
 * runCommand(opdef, '/home/me/greet'); // { args: 'node hello.cjs', env: {} }
 * ```
 */
export function runCommand(opdef: OpDef, projectDir: string): OpCmd {
  try {
    return opRunCommand(opdef, projectDir);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_GAGE_MISSING_EXEC') throw err;
    throw new CliError('ERR_GAGE_NO_EXEC', `Operation ${opdef.name} defined in "${opdef.gagefile}" is missing an exec command`, {
      hint: "Run 'gage help exec' for more information.",
      cause: err,
    });
  }
}

/**
 * The `--help-op` text (cli.md 5.1): usage, description, and a `Flags`
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
 * The confirmation text before `Continue?` (cli.md 5.1): the verb line and
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
