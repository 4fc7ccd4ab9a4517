import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join, relative, isAbsolute } from 'node:path';
import { split } from 'shlex';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { listRunEntries, selectOne } from '../runs/run-list.js';
import { whereOption } from './_common-options.js';

/** `gage open`, docs/spec/cli.md 5.6. */
export const spec = defineCommand({
  name: 'open',
  usage: '[options] [run]',
  summary: 'Open a run directory or run file.',
  description: "Open the run directory (the latest run by default), or '--path' in it, with the system's opener " +
    "(open on macOS, xdg-open elsewhere), or with '--cmd', which gets the path as its last argument.",
  options: [
    { key: 'path', flags: ['-p', '--path'], kind: 'value', metavar: 'PATH', help: "A path in the run dir (see 'gage show --files')." },
    { key: 'cmd', flags: ['-c', '--cmd'], kind: 'value', metavar: 'CMD', help: 'The program to open with (split like a shell command).' },
    { key: 'meta', flags: ['--meta'], kind: 'flag', help: 'Open the meta dir (or --path in it).' },
    whereOption,
  ],
  maxArgs: 1,
});

/**
 * Opens a run's directory or a file in it and returns the opener's exit code.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--cmd', 'ls -l', '1'], 'open'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const project = await loadProject(ctx);
  const run = selectOne(await listRunEntries(resolveRunsDir(ctx, project), { where: parsed.options.where }), parsed.args[0]).run;
  const base = parsed.options.meta ? run.metaDir : run.runDir;
  const given = parsed.options.path;
  const path = given === undefined ? base : join(base, given);
  const rel = relative(base, path);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new CliError('ERR_GAGE_OPEN_PATH',
      `Cannot open "${given as string}": it leads outside the ${parsed.options.meta ? 'meta' : 'run'} directory "${base}"`, {
      hint: "A path given with '--path' is relative to that directory and must stay inside it.",
    });
  }
  if (!existsSync(path)) {
    throw new CliError('ERR_GAGE_OPEN_PATH', `Cannot open "${path}": it does not exist`, { hint: `Use 'gage show --files ${run.name}' to show run files.` });
  }
  const argv = parsed.options.cmd === undefined ? systemOpener(ctx, path) : [...commandWords(parsed.options.cmd), path];
  return runOpener(ctx, argv);
}

function commandWords(cmd: string): string[] {
  let words: string[];
  try {
    words = split(cmd);
  } catch (err) {
    throw new CliError('ERR_GAGE_OPEN_COMMAND', `Cannot use --cmd '${cmd}': ${(err as Error).message}`, { hint: 'Quote it as you would in a shell.' });
  }
  if (words.length === 0) throw new CliError('ERR_GAGE_OPEN_COMMAND', 'Cannot use an empty --cmd', { hint: 'Name a program, e.g. --cmd ls.' });
  return words;
}

/** The platform's opener for `path` (docs/spec/cli.md 5.6), or a clear error without one. */
function systemOpener(ctx: Context, path: string): string[] {
  const env = ctx.io.env;
  const hint = "Name a program with '--cmd', e.g. 'gage open --cmd ls' (or '--cmd code' for an editor).";
  if (process.platform === 'darwin') return ['open', path];
  if (process.platform === 'win32') return ['cmd', '/c', 'start', '""', path];
  if (!['linux', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix'].includes(process.platform)) {
    throw new CliError('ERR_GAGE_NO_OPENER', `Cannot open "${path}": no opener is known for this platform (${process.platform})`, { hint });
  }
  if (!onPath('xdg-open', env['PATH'] ?? '')) {
    throw new CliError('ERR_GAGE_NO_OPENER', `Cannot open "${path}": there is no opener (xdg-open is not installed)`, { hint });
  }
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    throw new CliError('ERR_GAGE_NO_OPENER', `Cannot open "${path}": there is no display (DISPLAY and WAYLAND_DISPLAY are not set)`, { hint });
  }
  return ['xdg-open', path];
}

function onPath(name: string, path: string): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, name)));
}

/** Runs the opener to its end with this terminal; its output goes to ours. */
function runOpener(ctx: Context, argv: string[]): Promise<number> {
  const [cmd, ...args] = argv as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ctx.cwd, env: ctx.io.env as NodeJS.ProcessEnv, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => ctx.io.stdout.write(d));
    child.stderr.on('data', (d: Buffer) => ctx.io.stderr.write(d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT')
        reject(new CliError('ERR_GAGE_OPEN_COMMAND', `Cannot run '${cmd}': it is not installed (not on PATH)`, { hint: "Name another program with '--cmd'." }));
      else reject(err);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
  });
}
