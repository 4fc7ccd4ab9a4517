import type { CommandSpec, OptionSpec, ParsedArgs } from './args/command-spec.js';
import type { Context } from './context.js';

/** What a command module in `src/commands/` exports: its spec (`defineCommand`) and a handler typed from it. */
export interface CommandModule<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  spec: CommandSpec<O>;
  /** Runs the command; resolves with the exit code (default 0). Errors are thrown. */
  handler(ctx: Context, parsed: ParsedArgs<O>): Promise<number | void>;
}

/** A command of the top-level list, loaded lazily. */
export interface CommandEntry {
  names: string[];
  summary: string;
  load(): Promise<CommandModule>;
  /** Left out of the top-level help and of completion (`__complete`). */
  hidden?: boolean;
}

/**
 * Every command with its aliases, sorted by name. Modules are imported only
 * when their command runs, so `gage --help` stays fast.
 *
 * @example
 * ```ts
 * const entry = findCommand('rm'); // the delete command
 * ```
 */
export const COMMANDS: CommandEntry[] = [
  { names: ['archive'], summary: 'Archive runs.', load: () => import('./commands/archive.js') },
  { names: ['associate'], summary: 'Associate a run with a project directory.', load: () => import('./commands/associate.js') },
  { names: ['board'], summary: 'Show a board of run results.', load: () => import('./commands/board.js') },
  { names: ['cat'], summary: 'Show contents of a run file.', load: () => import('./commands/cat.js') },
  { names: ['check'], summary: 'Show and validate settings.', load: () => import('./commands/check.js') },
  { names: ['comment'], summary: 'Comment on runs.', load: () => import('./commands/comment.js') },
  { names: ['compare'], summary: 'Compare runs side by side.', load: () => import('./commands/compare.js') },
  { names: ['completion'], summary: 'Print a shell completion script.', load: () => import('./commands/completion.js') },
  { names: ['copy'], summary: 'Copy runs to or from a directory or remote.', load: () => import('./commands/copy.js') },
  { names: ['delete', 'del', 'rm'], summary: 'Delete runs.', load: () => import('./commands/delete.js') },
  { names: ['diff'], summary: 'Show how two runs differ.', load: () => import('./commands/diff.js') },
  { names: ['help'], summary: 'Show help for a topic.', load: () => import('./commands/help.js') },
  { names: ['import'], summary: 'Import runs of Gage (Python) or Guild AI.', load: () => import('./commands/import.js') },
  { names: ['label'], summary: 'Set or clear run labels.', load: () => import('./commands/label.js') },
  { names: ['list', 'ls', 'runs'], summary: 'List runs.', load: () => import('./commands/list.js') },
  { names: ['open'], summary: 'Open a run directory or run file.', load: () => import('./commands/open.js') },
  { names: ['operations', 'ops'], summary: 'Show operations.', load: () => import('./commands/operations.js') },
  { names: ['purge'], summary: 'Permanently delete runs.', load: () => import('./commands/purge.js') },
  { names: ['restore'], summary: 'Restore deleted runs.', load: () => import('./commands/restore.js') },
  { names: ['run'], summary: 'Run an operation.', load: () => import('./commands/run.js') },
  { names: ['select'], summary: 'Select runs and print their ID or a property.', load: () => import('./commands/select.js') },
  { names: ['show'], summary: 'Show information about a run.', load: () => import('./commands/show.js') },
  { names: ['stop'], summary: 'Stop running runs.', load: () => import('./commands/stop.js') },
  { names: ['submit'], summary: 'Submit staged runs to a cluster scheduler.', load: () => import('./commands/submit.js') },
  { names: ['__complete'], summary: 'Print completion candidates.', load: () => import('./commands/complete.js'), hidden: true },
  { names: ['util'], summary: 'Utility commands.', load: () => import('./commands/util.js') },
  { names: ['view'], summary: 'Open a web app of runs.', load: () => import('./commands/view.js') },
];

/**
 * Finds a command by name or alias.
 *
 * @example
 * ```ts
 * findCommand('ls')?.names[0]; // 'list'
 * ```
 */
export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.names.includes(name));
}
