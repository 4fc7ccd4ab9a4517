import { UsageError } from '../errors.js';
import type { CommandSpec, OptionSpec, OptionValue, ParsedArgs } from './command-spec.js';

/**
 * Parses a command's arguments (after the command name). Options and
 * positionals may mix; `--` ends options; `--opt=value`, `-nVALUE`, `-n VALUE`
 * and grouped short flags (`-mm`, `-ay`) work. An argument that looks like a
 * negative index or slice (`-2:`, `-1`) is a positional unless it is an
 * option of the command (`-0`). Throws {@link UsageError} (exit 2).
 *
 * @param spec the command's options
 * @param argv arguments after the command name
 * @param cmdPath the command as typed (`rm`), for messages
 * @example
 * ```ts
 * parseArgs(listSpec, ['-mm', '-w', 'error'], 'ls'); // {opts: {more: 2, where: 'error'}, ...}
 * ```
 */
export function parseArgs(spec: CommandSpec, argv: string[], cmdPath: string): ParsedArgs {
  const byFlag = new Map<string, OptionSpec>();
  for (const o of spec.options) for (const f of o.flags) byFlag.set(f, o);
  const usage = `gage ${cmdPath} ${spec.usage}`;
  const fail = (msg: string, short = false): never => {
    throw new UsageError(cmdPath, usage, msg, { short });
  };
  const out: ParsedArgs = { opts: {}, args: [], order: [], help: false };
  const set = (o: OptionSpec, value?: string) => {
    if (!out.order.includes(o.key)) out.order.push(o.key);
    const prev = out.opts[o.key];
    if (o.kind === 'flag') out.opts[o.key] = true;
    else if (o.kind === 'count') out.opts[o.key] = ((prev as number | undefined) ?? 0) + 1;
    else if (o.kind === 'list') out.opts[o.key] = [...((prev as string[] | undefined) ?? []), value as string];
    else out.opts[o.key] = value;
  };
  const addArg = (a: string) => {
    if (out.args.length === 0 && !out.order.includes('runs')) out.order.push('runs');
    out.args.push(a);
  };
  let i = 0;
  const takeValue = (o: OptionSpec, flag: string): string => {
    const v = argv[++i];
    if (v === undefined) fail(`Option '${flag}' requires an argument.`);
    return v as string;
  };
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      for (const rest of argv.slice(i + 1)) addArg(rest);
      break;
    }
    if (a === '-h' || a === '--help') {
      out.help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const flag = eq < 0 ? a : a.slice(0, eq);
      const o = byFlag.get(flag);
      if (!o) fail(`No such option: ${flag}`);
      const opt = o as OptionSpec;
      if (opt.kind === 'flag' || opt.kind === 'count') {
        if (eq >= 0) fail(`Option '${flag}' does not take a value.`);
        set(opt);
      } else set(opt, eq >= 0 ? a.slice(eq + 1) : takeValue(opt, flag));
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !(byFlag.has(a) === false && /^-[\d:]/.test(a))) {
      parseShortGroup(a);
      continue;
    }
    addArg(a);
  }
  if (spec.maxArgs !== undefined && out.args.length > spec.maxArgs) {
    fail(`Got unexpected extra argument${out.args.length - spec.maxArgs > 1 ? 's' : ''} (${out.args.slice(spec.maxArgs).join(' ')})`);
  }
  return out;

  function parseShortGroup(a: string): void {
    for (let j = 1; j < a.length; j++) {
      const flag = `-${a[j]}`;
      if (flag === '-h') {
        out.help = true;
        continue;
      }
      const o = byFlag.get(flag);
      if (!o) fail(`No such option: ${flag}`);
      const opt = o as OptionSpec;
      if (opt.kind === 'flag' || opt.kind === 'count') {
        set(opt);
        continue;
      }
      const rest = a.slice(j + 1);
      set(opt, rest !== '' ? rest : takeValue(opt, flag));
      return;
    }
  }
}

/**
 * Reads a boolean option.
 *
 * @example
 * ```ts
 * optFlag(parsed, 'all'); // true when -a/--all was given
 * ```
 */
export function optFlag(parsed: ParsedArgs, key: string): boolean {
  return parsed.opts[key] === true;
}

/**
 * Reads a single-value option.
 *
 * @example
 * ```ts
 * optValue(parsed, 'where'); // 'error' or undefined
 * ```
 */
export function optValue(parsed: ParsedArgs, key: string): string | undefined {
  const v: OptionValue = parsed.opts[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Reads a counted option (`-mm` = 2).
 *
 * @example
 * ```ts
 * optCount(parsed, 'more'); // 0 when absent
 * ```
 */
export function optCount(parsed: ParsedArgs, key: string): number {
  const v = parsed.opts[key];
  return typeof v === 'number' ? v : 0;
}
