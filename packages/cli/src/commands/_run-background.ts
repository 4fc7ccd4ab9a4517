import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Run } from '@gage/types';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { runsCount } from '../output/runs-count.js';

/** How long `--background` waits to see its first run started before it returns anyway (ms). */
const START_WAIT_MS = 30_000;

/** Options of {@link startInBackground}: those of the detached `gage run --start`. */
export interface StartInBackgroundOptions {
  jobs: number;
  keepGoing: boolean;
}

/**
 * The command that starts this `gage` again, which `--background` needs;
 * checked before anything is made (`runMain` called without it, as tests may).
 *
 * @throws {CliError} `ERR_GAGE_BACKGROUND` when it is unknown
 * @example
 * ```ts
 * if (parsed.options.background) requireGageCommand(ctx);
 * ```
 */
export function requireGageCommand(ctx: Context): readonly [string, ...string[]] {
  const command = ctx.gageCommand;
  if (command === undefined || command.length === 0) {
    throw new CliError('ERR_GAGE_BACKGROUND', 'Cannot run in the background: the command that started gage is unknown');
  }
  return command as readonly [string, ...string[]];
}

/**
 * `gage run --background` (docs/spec/cli.md 5.1, docs/spec/wave2.md decision 24): starts
 * `gage run --start <ids> -y -q` (with `-j`, `--keep-going`) as a copy of
 * this `gage` in a session of its own (detached; stdin, stdout and stderr
 * on `/dev/null`), waits until the process of one of its runs has started
 * (`proc/lock` or `proc/exit` in its meta dir) or that `gage` has ended, and prints on stdout the run's name
 * and how to follow and stop it. The detached `gage` captures and finalizes
 * the runs as a foreground one does; Ctrl-C here no longer reaches it.
 *
 * @param ctx the command context (`ctx.gageCommand` starts the copy)
 * @param runs the staged runs, in the order to start them
 * @param runsDir the runs dir, passed on as `--runs`
 * @param options `jobs`, `keepGoing`
 * @returns 0
 * @throws {CliError} `ERR_GAGE_BACKGROUND` when the copy cannot be started or ends with an error before any run started
 * @example
 * ```ts
 * return startInBackground(ctx, [run], runsDir, { jobs: 1, keepGoing: false });
 * ```
 */
export async function startInBackground(ctx: Context, runs: readonly Run[], runsDir: string, options: StartInBackgroundOptions): Promise<number> {
  const names = runs.map((r) => r.name);
  const [file, ...pre] = requireGageCommand(ctx);
  const more = runs.length > 1 ? ['-j', String(options.jobs), ...(options.keepGoing ? ['--keep-going'] : [])] : [];
  const args = [...pre, '--runs', runsDir, 'run', '--start', ...runs.map((r) => r.id), '-y', '-q', ...more];
  const child = spawn(file, args, { cwd: ctx.cwd, env: ctx.io.env as NodeJS.ProcessEnv, detached: true, stdio: 'ignore' });
  let exit: number | null | undefined;
  let spawnError: Error | undefined;
  child.on('error', (err) => (spawnError = err));
  child.on('exit', (code, signal) => (exit = code ?? (signal ? -1 : null)));
  // Its process runs (`proc/lock`), or it already ended (`proc/exit`): `gage runs` shows it started.
  const started = () => runs.some((r) => existsSync(join(r.metaDir, 'proc', 'lock')) || existsSync(join(r.metaDir, 'proc', 'exit')));
  const deadline = Date.now() + START_WAIT_MS;
  while (!started() && exit === undefined && spawnError === undefined && Date.now() < deadline) await sleep(20);
  child.unref();
  if (spawnError) throw new CliError('ERR_GAGE_BACKGROUND', `Cannot run in the background: ${spawnError.message}`);
  if (!started() && exit !== undefined && exit !== 0) {
    const what = runs.length === 1 ? `Run "${names[0]}" did` : `${runsCount(runs.length)} did`;
    throw new CliError('ERR_GAGE_BACKGROUND', `${what} not start in the background: gage exited with ${String(exit)}`, {
      hint: `Start ${runs.length === 1 ? 'it' : 'them'} in the foreground to see why: 'gage run --start ${names.join(' ')}'`,
    });
  }
  ctx.io.stdout.write(runs.length === 1
    ? `Run "${names[0]}" is running in the background\n\nTo follow its output, run 'gage cat -o -f ${names[0]}'\nTo stop it, run 'gage stop ${names[0]}'\n`
    : `Starting ${runsCount(runs.length)} in the background (${options.jobs} at a time): ${names.join(', ')}\n\n` +
      `To follow the output of one, run 'gage cat -o -f <run>'\nTo stop them, run 'gage stop ${names.join(' ')}'\n`);
  return 0;
}
