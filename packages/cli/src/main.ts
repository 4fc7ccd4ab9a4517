import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { setMetaLogger } from '@gage/meta';
import { formatHelp, optionRows } from './args/format-help.js';
import { GLOBAL_SPEC } from './args/global-spec.js';
import { parseArgs } from './args/parse-args.js';
import { COMMANDS, findCommand } from './command-table.js';
import type { Context } from './context.js';
import { CliError, UsageError } from './errors.js';
import { expandHome } from './expand-home.js';
import { outputMode, reportWriteErrors, type Io } from './io.js';
import { formatWarning } from './output/format-warning.js';
import { printError } from './print-error.js';

declare const __GAGE_VERSION__: string | undefined;

/** The CLI version, injected at build time. */
export const GAGE_VERSION: string = typeof __GAGE_VERSION__ === 'string' ? __GAGE_VERSION__ : '0.0.0-dev';

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
  const code = await runCommand(argv, io, options);
  // A failed write to stdout or stderr is reported on the next tick (Node's streams): let it arrive.
  if (io.writeErrors) await new Promise((resolve) => setImmediate(resolve));
  return reportWriteErrors(io, code);
}

/** Options of {@link runMain}. */
export interface RunMainOptions {
  /** The start directory (default `process.cwd()`). */
  cwd?: string | undefined;
  /** The command that starts this `gage` again (`gage run --background` detaches a copy of it). */
  gageCommand?: readonly string[] | undefined;
}

async function runCommand(argv: string[], io: Io, options: RunMainOptions): Promise<number> {
  let verbose = 0;
  let restoreMetaLogger: (() => void) | undefined;
  try {
    const global = parseArgs(GLOBAL_SPEC, argv, '');
    verbose = global.options.verbose;
    const start = options.cwd ?? process.cwd();
    // Before --version and -h: they are eager, so a -C is checked only when it came first.
    const cwd = global.options.directory === undefined ? start : changeDir(start, global.options.directory, io.env);
    if (global.options.version) {
      io.stdout.write(`Gage ${GAGE_VERSION}\n`);
      return 0;
    }
    const [name, ...rest] = global.args;
    if (global.options.help || name === undefined) {
      io.stdout.write(topHelp());
      return 0;
    }
    const entry = findCommand(name) ?? fail(`No such command '${name}'.`);
    const mod = await entry.load();
    const parsed = parseArgs(mod.spec, rest, name);
    if (parsed.help) {
      io.stdout.write(formatHelp(mod.spec, name));
      return 0;
    }
    const runs = global.options.runs;
    const runsOption = runs === undefined ? undefined : resolve(cwd, expandHome(runs, io.env));
    if (runsOption !== undefined) io.env.GAGE_RUNS = runsOption;
    // @gage/meta warns about what it finds in runs (file names, damaged files): escaped like every warning.
    // Only for this command: once it ended, `io` is not written to any more (runMain runs in tests too).
    const previous = setMetaLogger((message) => io.stderr.write(formatWarning(message)));
    restoreMetaLogger = () => setMetaLogger(previous);
    (await import('./runs/_queued-status.js')).setSchedulerEnv(io.env); // the queue of submitted runs is asked with this command's environment (docs/spec/cli.md 5.23)
    const ctx: Context = { io, cmdPath: name, cwd, startDir: resolve(start), runsOption, verbose, mode: outputMode(io), gageCommand: options.gageCommand };
    return (await mod.handler(ctx, parsed)) ?? 0;
  } catch (err) {
    return printError(err, io, verbose);
  } finally {
    restoreMetaLogger?.();
  }
}

/** A usage error of the top level (`No such command 'x'.`), exit 2. */
function fail(message: string): never {
  throw new UsageError('', `gage ${GLOBAL_SPEC.usage}`, message);
}

function changeDir(start: string, path: string, env: Io['env']): string {
  const dir = resolve(start, expandHome(path, env));
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CliError('ERR_GAGE_NO_DIRECTORY', `directory '${path}' does not exist`);
  }
  if (!isDir) throw new CliError('ERR_GAGE_NOT_A_DIRECTORY', `'${path}' is not a directory`);
  return dir;
}

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
