import { resolve } from 'node:path';
import { setMetaLogger } from '@gage/meta/meta-logger';
import { formatHelp } from './args/format-help.js';
import { GLOBAL_SPEC } from './args/global-spec.js';
import { parseArgs } from './args/parse-args.js';
import { changeDir } from './change-dir.js';
import type { CommandEntry } from './command-table.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { expandHome } from './expand-home.js';
import { outputMode, reportWriteErrors, type Io } from './io.js';
import { formatWarning } from './output/format-warning.js';
import { printError } from './print-error.js';
import { GAGE_VERSION } from './version.js';

/** The commands {@link runWith} runs: how to find one, the top-level help, and per-command setup. */
export interface CommandSet {
  /** The command named `name` (an alias too), or `undefined`. */
  find(name: string): CommandEntry | undefined;
  /** The top-level help text. */
  help(): string;
  /** Called before the command's handler, with its `io`. */
  setup?(io: Io): Promise<void>;
}

/** Options of {@link runMain}. */
export interface RunMainOptions {
  /** The start directory (default `process.cwd()`). */
  cwd?: string | undefined;
  /** The command that starts this `gage` again (`gage run --background` detaches a copy of it). */
  gageCommand?: readonly string[] | undefined;
}

/**
 * `runMain` over a given set of commands: the whole of it (global options,
 * errors, a failed write to stdout or stderr) for `gage` and for the
 * completion entry, which has one command. See {@link runMain} in main.ts.
 *
 * @example
 * ```ts
 * const code = await runWith(['__complete', 'runs'], processIo(), {}, { find: () => entry, help: () => '' });
 * ```
 */
export async function runWith(argv: string[], io: Io, options: RunMainOptions, commands: CommandSet): Promise<number> {
  const code = await runCommand(argv, io, options, commands);
  // A failed write to stdout or stderr is reported on the next tick (Node's streams): let it arrive.
  if (io.writeErrors) await new Promise((resolve) => setImmediate(resolve));
  return reportWriteErrors(io, code);
}

async function runCommand(argv: string[], io: Io, options: RunMainOptions, commands: CommandSet): Promise<number> {
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
      io.stdout.write(commands.help());
      return 0;
    }
    const entry = commands.find(name) ?? fail(`No such command '${name}'.`);
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
    await commands.setup?.(io);
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
