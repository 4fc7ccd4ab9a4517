import type { CommandSpec, OptionSpec } from './command-spec.js';

/**
 * The `-h` text of a command: usage line, description, options.
 *
 * @param spec the command
 * @param cmdPath the command as typed
 * @example
 * ```ts
 * formatHelp(listSpec, 'ls'); // 'Usage: gage ls [options] [run]...\n\n  List runs.\n...'
 * ```
 */
export function formatHelp(spec: CommandSpec, cmdPath: string): string {
  const lines = [`Usage: gage ${cmdPath} ${spec.usage}`, ''];
  for (const l of (spec.description ?? spec.summary).split('\n')) lines.push(l ? `  ${l}` : '');
  const rows = optionRows(spec.options);
  rows.push(['-h, --help', 'Show this message and exit.']);
  const w = Math.max(...rows.map((r) => r[0].length));
  lines.push('', 'Options:');
  for (const [l, r] of rows) lines.push(`  ${l.padEnd(w)}  ${r}`.trimEnd());
  return lines.join('\n') + '\n';
}

/**
 * The help rows of the options that are not hidden: spellings and
 * placeholder (`-n, --limit MAX`), help text.
 *
 * @example
 * ```ts
 * optionRows([{ key: 'limit', flags: ['-n', '--limit'], kind: 'value', metavar: 'MAX', help: 'Page size.' }]);
 * // [['-n, --limit MAX', 'Page size.']]
 * ```
 */
export function optionRows(options: readonly OptionSpec[]): [string, string][] {
  return options.filter((o) => !o.hidden).map((o) => [o.flags.join(', ') + (o.metavar ? ` ${o.metavar}` : ''), o.help ?? '']);
}
