import { GLOBAL_SPEC } from '../args/global-spec.js';
import type { OptionSpec } from '../args/command-spec.js';
import { COMMANDS } from '../command-table.js';
import { HELP_TOPICS } from '../help/help-topics.js';

/** What a command's positional arguments are, for completion. */
type PositionalKind = 'runs' | 'operation' | 'topic' | 'shell' | 'files' | 'none';

/** An option as completion sees it. */
export interface CompletionOption {
  flags: string[];
  help: string;
  /** The option takes a value: `runs` (metavar `RUN`), `dirs`, `files`, or `other`. */
  value: 'runs' | 'dirs' | 'files' | 'other' | undefined;
}

/** A command as completion sees it. */
export interface CompletionCommand {
  names: string[];
  summary: string;
  options: CompletionOption[];
  positional: PositionalKind;
  /** Its run arguments name deleted runs (`restore`, `purge`). */
  deletedRuns: boolean;
}

/** Everything a completion script knows without running gage. */
export interface CompletionModel {
  globals: CompletionOption[];
  commands: CompletionCommand[];
  topics: string[];
  shells: string[];
}

/**
 * The shells `gage completion` writes scripts for.
 *
 * @example
 * ```ts
 * SHELLS.includes('fish'); // true
 * ```
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Commands whose run arguments are in the trash. */
const DELETED_RUNS = new Set(['restore', 'purge']);

/**
 * Reads the command registry (`COMMANDS`, every visible command's spec) into
 * what the completion scripts need, so a command added to the registry is
 * completed with no change here. A command's positionals are read from its
 * usage: `run` (`[run]...`, `run-a`) means runs, `operation` the project's
 * operations and their flags, `topic` help topics, `shell` the shells,
 * `path` or `project` files.
 *
 * @example
 * ```ts
 * (await completionModel()).commands.find((c) => c.names[0] === 'list')?.positional; // 'runs'
 * ```
 */
export async function completionModel(): Promise<CompletionModel> {
  const commands: CompletionCommand[] = [];
  for (const entry of COMMANDS) {
    if (entry.hidden) continue;
    const { spec } = await entry.load();
    commands.push({
      names: entry.names,
      summary: entry.summary,
      options: [...spec.options.filter((o) => !o.hidden).map(completionOption), { flags: ['-h', '--help'], help: 'Show help and exit.', value: undefined }],
      positional: positionalKind(spec.usage),
      deletedRuns: DELETED_RUNS.has(spec.name),
    });
  }
  return { globals: GLOBAL_SPEC.options.map(completionOption), commands, topics: HELP_TOPICS.map((t) => t.name), shells: [...SHELLS] };
}

function completionOption(o: OptionSpec): CompletionOption {
  const takesValue = o.kind === 'value' || o.kind === 'list';
  const metavar = o.metavar ?? '';
  const value = !takesValue
    ? undefined
    : metavar === 'RUN'
    ? 'runs'
    : o.key === 'directory' || o.key === 'runs'
    ? 'dirs'
    : /PATH|FILE|DIR/.test(metavar)
    ? 'files'
    : 'other';
  return { flags: [...o.flags], help: o.help ?? '', value };
}

function positionalKind(usage: string): PositionalKind {
  const words = usage.replace(/\[options\]/g, '');
  if (/\brun(-[ab])?\b/.test(words)) return 'runs';
  if (/\boperation\b/.test(words)) return 'operation';
  if (/\btopic\b/.test(words)) return 'topic';
  if (/\bshell\b/.test(words)) return 'shell';
  if (/\b(path|project|file|dir)\b/.test(words)) return 'files';
  return 'none';
}
