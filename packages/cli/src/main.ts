import { optionRows } from './args/format-help.js';
import { GLOBAL_SPEC } from './args/global-spec.js';
import { COMMANDS, findCommand } from './command-table.js';
import type { Io } from './io.js';
import { runWith, type CommandSet, type RunMainOptions } from './run-with.js';

export { GAGE_VERSION } from './version.js';
export type { RunMainOptions } from './run-with.js';

/**
 * Runs `gage` with `argv` (without the node and script paths) and resolves
 * with the exit code. The single top-level handler: it parses the global
 * options (`GLOBAL_SPEC`, with the commands' parser), loads the command
 * lazily, and prints every error (docs/spec/cli.md 1.2), also a failed write to
 * stdout or stderr (`reportWriteErrors`).
 *
 * It leaves the process as it found it, so tests call it in process: the
 * start dir is `options.cwd` (no `chdir`), the environment is `io.env`
 * (`HOME` included; `--runs` sets `GAGE_RUNS` there, for the run's
 * processes), and it sets no exit code (the caller does). While `gage run`
 * runs a run it handles SIGINT, SIGTERM and SIGHUP of the process.
 *
 * @param argv arguments after `gage`
 * @param io the terminal
 * @param options `cwd`: the start directory (default `process.cwd()`);
 *   `gageCommand`: how to start this `gage` again (for `run --background`)
 * @example
 * ```ts
 * process.exitCode = await runMain(process.argv.slice(2), processIo());
 * ```
 */
export async function runMain(argv: string[], io: Io, options: RunMainOptions = {}): Promise<number> {
  return runWith(argv, io, options, ALL_COMMANDS);
}

/** Every command; before each, the queue of submitted runs is set to be asked with the command's environment (docs/spec/cli.md 5.23). */
const ALL_COMMANDS: CommandSet = {
  find: findCommand,
  help: topHelp,
  setup: async (io) => (await import('./runs/_queued-status.js')).setSchedulerEnv(io.env),
};

function topHelp(): string {
  const rows = optionRows(GLOBAL_SPEC.options);
  const cmds: [string, string][] = COMMANDS.filter((c) => !c.hidden).map((c) => [c.names.join(', '), c.summary]);
  const w = Math.max(...[...rows, ...cmds].map((r) => r[0].length));
  const fmt = (r: [string, string]) => `  ${r[0].padEnd(w)}  ${r[1]}`;
  return [
    `Usage: gage ${GLOBAL_SPEC.usage}`,
    '',
    '  Gage: a local-first runner for ML experiments.',
    '',
    'Options:',
    ...rows.map(fmt),
    '',
    'Commands:',
    ...cmds.map(fmt),
    '',
  ].join('\n');
}
