import { UsageError } from '../errors.js';
import type { ArgsSpec, OptionSpec, ParsedArgs, ParsedOptions } from './command-spec.js';

/** `-h/--help` of every command: sets `help`. A spec with its own `-h` (the global spec) replaces it. */
const HELP: OptionSpec = { key: 'help', flags: ['-h', '--help'], kind: 'flag' };

/** The value of an option that was not given (a `list` gets a new `[]`). */
const NONE = { flag: false, value: undefined, count: 0 } as const;

/**
 * Parses a command's arguments (after the command name), or with a
 * `beforeCommand` spec the global options before it. Options and
 * positionals may mix; `--` ends options; `--opt=value`, `-nVALUE`,
 * `-n VALUE` and grouped short flags (`-mm`, `-ay`) work. An argument that
 * looks like a negative index or slice (`-2:`, `-1`) is a positional unless
 * it is an option of the command (`-0`). An `eager` option ends parsing.
 * Throws {@link UsageError} (exit 2).
 *
 * @param spec the options and positionals
 * @param argv the arguments
 * @param cmdPath the command as typed (`rm`), for messages; `''` for the global options
 * @example
 * ```ts
 * parseArgs(listSpec, ['-mm', '-w', 'error'], 'ls').options; // { more: 2, where: 'error', all: false, ... }
 * ```
 */
export function parseArgs<const O extends readonly OptionSpec[]>(spec: ArgsSpec<O>, argv: readonly string[], cmdPath: string): ParsedArgs<O> {
  const byFlag = new Map<string, OptionSpec>();
  for (const f of HELP.flags) byFlag.set(f, HELP);
  const options: Record<string, boolean | number | string | string[] | undefined> = {};
  for (const o of spec.options) {
    for (const f of o.flags) byFlag.set(f, o);
    options[o.key] = o.kind === 'list' ? [] : NONE[o.kind];
  }
  const usage = ['gage', cmdPath, spec.usage].filter((s) => s !== '').join(' ');
  const fail = (msg: string): never => {
    throw new UsageError(cmdPath, usage, msg);
  };
  const out = { options, args: [] as string[], order: [] as string[], help: false };
  let stop = false;
  /** Records option `o` (with its value); an eager one ends parsing. */
  const set = (o: OptionSpec, value?: string): void => {
    if (o === HELP) {
      out.help = true;
      return;
    }
    if (!out.order.includes(o.key)) out.order.push(o.key);
    const prev = options[o.key];
    if (o.kind === 'flag') options[o.key] = true;
    else if (o.kind === 'count') options[o.key] = (prev as number) + 1;
    else if (o.kind === 'list') options[o.key] = [...(prev as string[]), value as string];
    else options[o.key] = value;
    if (o.eager) stop = true;
  };
  const addArg = (a: string) => {
    if (out.args.length === 0 && !out.order.includes('runs')) out.order.push('runs');
    out.args.push(a);
  };
  let i = 0;
  const takeValue = (flag: string): string => argv[++i] ?? fail(`Option '${flag}' requires an argument.`);
  for (; i < argv.length && !stop; i++) {
    const a = argv[i] as string;
    if (a === '--' && !spec.beforeCommand) {
      for (const rest of argv.slice(i + 1)) addArg(rest);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const flag = eq < 0 ? a : a.slice(0, eq);
      const o = byFlag.get(flag) ?? fail(`No such option: ${flag}`);
      if (o === HELP && eq >= 0) fail(`No such option: ${flag}`);
      if (o.kind === 'flag' || o.kind === 'count') {
        if (eq >= 0) fail(`Option '${flag}' does not take a value.`);
        set(o);
      } else set(o, eq >= 0 ? a.slice(eq + 1) : takeValue(flag));
    } else if (a.startsWith('-') && a.length > 1 && (spec.beforeCommand || byFlag.has(a) || !/^-[\d:]/.test(a))) {
      parseShortGroup(a);
    } else if (spec.beforeCommand) {
      out.args.push(...argv.slice(i));
      break;
    } else addArg(a);
  }
  if (spec.maxArgs !== undefined && out.args.length > spec.maxArgs) {
    fail(`Got unexpected extra argument${out.args.length - spec.maxArgs > 1 ? 's' : ''} (${out.args.slice(spec.maxArgs).join(' ')})`);
  }
  return { ...out, options: options as ParsedOptions<O> };

  function parseShortGroup(a: string): void {
    for (let j = 1; j < a.length && !stop; j++) {
      const flag = `-${a[j]}`;
      const o = byFlag.get(flag) ?? fail(`No such option: ${flag}`);
      if (o.kind === 'flag' || o.kind === 'count') {
        set(o);
        continue;
      }
      const rest = a.slice(j + 1);
      set(o, rest !== '' ? rest : takeValue(flag));
      return;
    }
  }
}
