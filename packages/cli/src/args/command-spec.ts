/** How an option takes values. */
export type OptionKind = 'flag' | 'value' | 'count' | 'list';

/** One option of a command. */
export interface OptionSpec {
  /** Key in the parsed options; also the name used in incompatible-option messages (`delete-empty`). */
  key: string;
  /** Spellings, short first: `['-n', '--limit']`. */
  flags: string[];
  /** `flag` boolean, `value` one string, `count` repeatable counter, `list` repeatable value. */
  kind: OptionKind;
  /** Value placeholder shown in help. */
  metavar?: string;
  /** One-line help. */
  help?: string;
  /** Left out of help (`-0`, `--meta`). */
  hidden?: boolean;
}

/** What a command module declares about its arguments. */
export interface CommandSpec {
  /** Canonical name (`list`). */
  name: string;
  /** Usage after the command path: `[options] [run]...`. */
  usage: string;
  /** One-line description. */
  summary: string;
  /** Longer description for `-h`. */
  description?: string;
  options: OptionSpec[];
  /** Most positional arguments accepted (default: any number). */
  maxArgs?: number;
}

/** A parsed option value. */
export type OptionValue = boolean | number | string | string[] | undefined;

/** The result of parsing a command's arguments. */
export interface ParsedArgs {
  opts: Record<string, OptionValue>;
  args: string[];
  /** Option keys (and `runs` for the first positional) in order of first appearance. */
  order: string[];
  /** `-h/--help` was given. */
  help: boolean;
}
