/** How an option takes values. */
type OptionKind = 'flag' | 'value' | 'count' | 'list';

/** One option of a command (or of the global options). */
export interface OptionSpec {
  /** Key in the parsed options; also the name used in incompatible-option messages (`delete-empty`). */
  readonly key: string;
  /** Spellings, short first: `['-n', '--limit']`. */
  readonly flags: readonly string[];
  /** `flag` boolean, `value` one string, `count` repeatable counter, `list` repeatable value. */
  readonly kind: OptionKind;
  /** Value placeholder shown in help. */
  readonly metavar?: string;
  /** One-line help. */
  readonly help?: string;
  /** Left out of help (`-0`, `--meta`). */
  readonly hidden?: boolean;
  /** Parsing stops at this option and ignores what follows (`--version`, `-h` before the command name). */
  readonly eager?: boolean;
}

/** What the parser needs to know about arguments: their options and positionals. */
export interface ArgsSpec<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  /** Usage after the command path: `[options] [run]...`. */
  readonly usage: string;
  readonly options: O;
  /** Most positional arguments accepted (default: any number). */
  readonly maxArgs?: number;
  /**
   * The options before the command name (the global spec): parsing stops at
   * the first positional, the command name, which starts `args` with
   * everything after it; `--` and `-1` are unknown options there, not an end
   * of options or a negative index.
   */
  readonly beforeCommand?: boolean;
}

/** What a command module declares about its arguments. */
export interface CommandSpec<O extends readonly OptionSpec[] = readonly OptionSpec[]> extends ArgsSpec<O> {
  /** Canonical name (`list`). */
  readonly name: string;
  /** One-line description. */
  readonly summary: string;
  /** Longer description for `-h`. */
  readonly description?: string;
}

/** The parsed value of each option kind; an option not given has the value of none (`false`, `0`, `[]`, `undefined`). */
interface OptionValues {
  flag: boolean;
  value: string | undefined;
  count: number;
  list: string[];
}

/**
 * The parsed options of `O`, typed from the spec: a `flag` is `boolean`, a
 * `value` `string | undefined`, a `count` `number`, a `list` `string[]`.
 * A key the spec does not have is a type error.
 */
export type ParsedOptions<O extends readonly OptionSpec[]> = {
  -readonly [S in O[number] as S['key']]: OptionValues[S['kind']];
};

/** The key of an option of `O`, or `runs` for the positional run arguments (as in `ParsedArgs.order`). */
export type OptionKey<O extends readonly OptionSpec[]> = O[number]['key'] | 'runs';

/** The result of parsing arguments with an {@link ArgsSpec} of options `O`. */
export interface ParsedArgs<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  options: ParsedOptions<O>;
  args: string[];
  /** Option keys (and `runs` for the first positional) in order of first appearance. */
  order: string[];
  /** `-h/--help` was given (unless the spec has its own `-h` option). */
  help: boolean;
}

/** The parsed arguments of a command spec: `CommandArgs<typeof spec>`. */
export type CommandArgs<S extends { readonly options: readonly OptionSpec[] }> = ParsedArgs<S['options']>;

/**
 * Declares a command's spec and keeps its literal option keys and kinds, so
 * that its handler gets typed options (`CommandArgs<typeof spec>`).
 *
 * @example
 * ```ts
 * export const spec = defineCommand({
 *   name: 'list', usage: '[options] [run]...', summary: 'List runs.',
 *   options: [{ key: 'more', flags: ['-m', '--more'], kind: 'count' }, yesOption],
 * });
 * // handler(ctx, parsed: CommandArgs<typeof spec>): parsed.options.more is a number, parsed.options.yes a boolean
 * ```
 */
export function defineCommand<const O extends readonly OptionSpec[]>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/**
 * Declares an option shared by several commands, keeping its literal key and kind.
 *
 * @example
 * ```ts
 * export const yesOption = defineOption({ key: 'yes', flags: ['-y', '--yes'], kind: 'flag', help: "Don't prompt for confirmation." });
 * ```
 */
export function defineOption<const O extends OptionSpec>(option: O): O {
  return option;
}
