// Errors of flag assignments, config paths and config files (config/).
import { type ConfigValue, configValueType, GageError, type GageErrorOptions, pythonFloatRepr, pythonStringRepr } from '@gage/types';
import type { StageErrorCode } from './stage-error-code.js';

/**
 * A run flag that is not a valid `KEY=VALUE` assignment (docs/spec/stage.md 5.9). The
 * message is the parser's (`Unexpected token: 'b'`); the CLI prefixes it with
 * `Invalid flag assignment: `.
 *
 * @example
 * ```ts
 * new FlagAssignError('a', 'Missing expected token: one of EQUAL, WS_INLINE').code; // 'ERR_GAGE_FLAG'
 * ```
 */
export class FlagAssignError extends GageError<StageErrorCode> {
  /** The argument that failed to parse. */
  readonly arg: string;

  constructor(arg: string, message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_FLAG', message, options);
    this.arg = arg;
  }
}

/**
 * A config path of an opdef's `config` keys that cannot be parsed, e.g.
 * `path cannot be empty` (docs/spec/stage.md 5.1).
 *
 * @example
 * ```ts
 * new ConfigPathError('path cannot be empty').code; // 'ERR_GAGE_CONFIG_PATH'
 * ```
 */
export class ConfigPathError extends GageError<StageErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_CONFIG_PATH', message, options);
  }
}

/**
 * A JSON, YAML or TOML config file that does not parse, so no config can be
 * read from it or written into it (docs/spec/stage.md 5.8). `line` and `column` are
 * 1-based. Message: `Invalid YAML syntax: <reason> at line 2, column 5`.
 *
 * @example
 * ```ts
 * new ConfigSyntaxError('JSON', 'Expecting value', 1, 1).message; // 'Invalid JSON syntax: Expecting value at line 1, column 1'
 * ```
 */
export class ConfigSyntaxError extends GageError<StageErrorCode> {
  /** The file format: `JSON`, `YAML` or `TOML`. */
  readonly format: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;

  constructor(format: string, reason: string, line: number, column: number, options: GageErrorOptions = {}) {
    super('ERR_GAGE_CONFIG_SYNTAX', `Invalid ${format} syntax: ${reason} at line ${line}, column ${column}`, options);
    this.format = format;
    this.line = line;
    this.column = column;
  }
}

/**
 * A notebook config file (`.ipynb`) that is JSON but no nbformat 4 notebook
 * (docs/spec/stage.md 5.7): an older nbformat, no `nbformat` field, a
 * `source` that is not text. A notebook that is not JSON is a
 * {@link ConfigSyntaxError}.
 *
 * @example
 * ```ts
 * new NotebookFormatError('nbformat 3 notebooks are not supported (only nbformat 4)').code; // 'ERR_GAGE_NOTEBOOK_FORMAT'
 * ```
 */
export class NotebookFormatError extends GageError<StageErrorCode> {
  constructor(message: string, options: GageErrorOptions = {}) {
    super('ERR_GAGE_NOTEBOOK_FORMAT', message, options);
  }
}

// --- Gage files and operations (gagefile/), source code (sourcecode/) ---

/**
 * Config values that a config file's format cannot hold (docs/spec/stage.md 5.8: null
 * into TOML, a non-finite float into JSON). Raised before any file changes.
 *
 * @example
 * ```ts
 * throw new ConfigWriteError(['"train.toml": lr: cannot write null to a TOML file (TOML has no null)']);
 * ```
 */
export class ConfigWriteError extends GageError<StageErrorCode> {
  /** One line per value: `"<file>": <key>: <why>`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('ERR_GAGE_CONFIG_WRITE', `Cannot write configuration: ${problems.join('; ')}`, {
      hint: 'Use a value the file format can hold, or leave that flag out.',
    });
    this.problems = problems;
  }
}

/** One unknown flag of an {@link UnknownFlagError} and the names it may have meant. */
export interface UnknownFlag {
  /** The flag name as given. */
  name: string;
  /** Up to 3 known names, nearest first (edit distance <= 2, or the leaves under a table or list it names). */
  suggestions: string[];
  /** When `name` indexes a list past its end (`sizes.5`): the list and its length. */
  list?: { name: string; length: number } | undefined;
}

/**
 * Flags that name no key of the operation's config (decision 15,
 * docs/spec/wave2.md): nothing is staged. Message, one block per flag:
 * `Unknown flag 'ephocs' for operation train` + `Did you mean 'epochs'?`;
 * hint `Use --force-flags to record it anyway.`
 *
 * @example
 * ```ts
 * new UnknownFlagError('train', [{ name: 'ephocs', suggestions: ['epochs'] }]).code; // 'ERR_GAGE_UNKNOWN_FLAG'
 * ```
 */
export class UnknownFlagError extends GageError<StageErrorCode> {
  /** The operation name. */
  readonly opName: string;
  readonly flags: readonly UnknownFlag[];

  constructor(opName: string, flags: readonly UnknownFlag[]) {
    super('ERR_GAGE_UNKNOWN_FLAG', flags.map((f) => unknownFlagText(opName, f)).join('\n'), {
      hint: `Use --force-flags to record ${flags.length === 1 ? 'it' : 'them'} anyway.`,
    });
    this.opName = opName;
    this.flags = flags;
  }
}

function unknownFlagText(opName: string, flag: UnknownFlag): string {
  let text = `Unknown flag '${flag.name}' for operation ${opName}`;
  if (flag.list) {
    const { name, length } = flag.list;
    text += `\n'${name}' is a list of ${length} item${length === 1 ? '' : 's'} (${name}.0 to ${name}.${length - 1})`;
  }
  if (flag.suggestions.length > 0) text += `\nDid you mean ${flag.suggestions.map((s) => `'${s}'`).join(', ')}?`;
  return text;
}

/**
 * A flag value that the flag's default type cannot take (decision 17):
 * `Invalid value 'abc' for flag lr: expected a float`; hint: quote it as a
 * string with `--force-flags`.
 *
 * @example
 * ```ts
 * new FlagValueError('lr', 'abc', 'a float').message; // "Invalid value 'abc' for flag lr: expected a float"
 * ```
 */
export class FlagValueError extends GageError<StageErrorCode> {
  readonly flag: string;
  readonly text: string;
  /** What the default's type wants: `a float`, `an integer`, `a boolean`. */
  readonly expected: string;

  constructor(flag: string, text: string, expected: string) {
    super('ERR_GAGE_FLAG_VALUE', `Invalid value '${text}' for flag ${flag}: expected ${expected}`, {
      hint: 'Use --force-flags to record it as a string anyway.',
    });
    this.flag = flag;
    this.text = text;
    this.expected = expected;
  }
}

/** A config value whose patched file reads back differently (decision 14). */
export interface ReadbackMismatch {
  /** The config file, relative to the run dir. */
  path: string;
  key: string;
  /** The value in `config.json`. */
  expected: ConfigValue;
  /** The value read back from the file; `undefined` when the key is gone. */
  actual: ConfigValue | undefined;
}

/**
 * A patched config file that does not read back as the run config says
 * (decision 14): staging stops before the run starts, so the record never
 * claims a value the run did not get. Message, one line per value:
 * `"train.yaml": optimizer.lr reads back as 0.05, config.json has 0.2`.
 *
 * @example
 * ```ts
 * new ConfigReadbackError([{ path: 'a.json', key: 'x', expected: 2n, actual: 1n }]).code; // 'ERR_GAGE_CONFIG_READBACK'
 * ```
 */
export class ConfigReadbackError extends GageError<StageErrorCode> {
  readonly mismatches: readonly ReadbackMismatch[];

  constructor(mismatches: readonly ReadbackMismatch[]) {
    const lines = mismatches.map((m) =>
      `"${m.path}": ${m.key} reads back as ${m.actual === undefined ? '<missing>' : describeValue(m.actual)}, config.json has ${describeValue(m.expected)}`
    );
    super('ERR_GAGE_CONFIG_READBACK', `Config file check failed after patching:\n${lines.join('\n')}`, {
      hint: 'Gage could not write these values faithfully; the run was not started. Please report this with the file.',
    });
    this.mismatches = mismatches;
  }
}

/** A value with its type, for messages: `0.2 (float)`, `'abc' (str)`. */
function describeValue(value: ConfigValue): string {
  if (value === null) return 'null';
  const text = typeof value === 'number' ? pythonFloatRepr(value) : typeof value === 'string' ? pythonStringRepr(value) : String(value);
  return `${text} (${configValueType(value)})`;
}
