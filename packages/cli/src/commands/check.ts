import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOrphanedRunFiles } from '@gage/meta';
import { configFormatFor, findGagefile, GagefileInvalidError, GagefileLoadError, loadGagefile, validateGagefile } from '@gage/stage';
import { type GageError, isGageError } from '@gage/types';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, IncompatibleOptionsError, type LibraryErrorCode, PresentedError } from '../errors.js';
import { satisfies, validRange } from 'semver';
import { readFile } from 'node:fs/promises';
import { GAGE_VERSION } from '../main.js';
import { encodeJson } from '../output/encode-json.js';
import { escapeControl } from '../output/escape-control.js';
import { formatTable } from '../output/format-table.js';
import { platformDescription } from '../platform-description.js';
import { foreignRunCounts } from '../runs/foreign-runs-notice.js';
import { loadProject, resolveRunsDir } from '../project.js';

const CANDIDATES = ['.gage/gage.toml', '.gage/gage.yaml', '.gage/gage.json', 'gage.toml', 'gage.yaml', 'gage.json'];

/** `gage check`, docs/spec/cli.md 5.10. */
export const spec = defineCommand({
  name: 'check',
  usage: '[options] [path]',
  summary: 'Show and validate settings.',
  description: 'Show and validate settings.\n\nWith PATH, validate that Gage file (a directory is searched for one), or that notebook config file (.ipynb).',
  options: [
    { key: 'verbose', flags: ['-v', '--verbose'], kind: 'count', help: 'Show more information.' },
    { key: 'json', flags: ['--json'], kind: 'flag', help: 'Print information as JSON.' },
    { key: 'version', flags: ['--version'], kind: 'value', metavar: 'SPEC',
      help: "Check the Gage version against a semver range ('>=0.2', '^1.0'); a bare version means equality." },
  ],
  maxArgs: 1,
});

/**
 * Prints the environment, or validates a Gage file. Warns about files of
 * the runs dir that belong to no run (left by interrupted deletes), which
 * `gage purge --all` removes.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['.'], 'check'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const verbose = parsed.options.verbose > 0 || ctx.verbose > 0;
  const path = parsed.args[0];
  if (parsed.options.version !== undefined) {
    if (path !== undefined) throw new IncompatibleOptionsError(...incompatibleOrder(parsed.order), ctx.cmdPath);
    return checkVersion(parsed.options.version);
  }
  if (path !== undefined) return checkGagefile(ctx, path, verbose);
  const info: [string, string][] = [
    ['gage_version', GAGE_VERSION],
    ['gage_install_location', dirname(fileURLToPath(import.meta.url))],
    ['node_version', process.version],
    ['node_exe', process.execPath],
    ['platform', platformDescription()],
  ];
  const project = await loadProject(ctx);
  const runsDir = resolveRunsDir(ctx, project);
  if (verbose) {
    info.push(
      ['command_directory', ctx.cwd],
      ['project_directory', project.projectDir ?? '<none>'],
      ['gagefile', project.gagefilePath ?? '<none>'],
      ['runs_directory', runsDir],
    );
    // Runs that listings do not show until imported (docs/spec/import.md 1).
    for (const [format, n] of await foreignRunCounts(runsDir)) {
      info.push([format === 'gage-py' ? 'gage_python_runs' : 'guild_runs', `${n} (not listed; import them with 'gage import')`]);
    }
  }
  const orphans = (await findOrphanedRunFiles(runsDir).catch(() => [])).flatMap((o) => o.paths);
  if (orphans.length > 0) {
    const files = orphans.length === 1 ? '1 file' : `${orphans.length} files`;
    ctx.io.stderr.write(`WARNING: ${files} in "${runsDir}" belong to no run (left by interrupted deletes); remove them with 'gage purge --all'
`);
  }
  if (parsed.options.json) ctx.io.stdout.write(encodeJson(Object.fromEntries(info)));
  else
    ctx.io.stdout.write(
      formatTable([{ header: '' }, { header: '' }], info, { width: ctx.mode.width, header: false, styled: ctx.mode.styled, color: ctx.mode.color }),
    );
  return 0;
}

async function checkGagefile(ctx: Context, path: string, verbose: boolean): Promise<number> {
  const full = resolve(ctx.cwd, path);
  const st = await stat(full).catch(() => undefined);
  if (!st) throw new CliError('ERR_GAGE_FILE_NOT_FOUND', `File "${path}" does not exist`);
  if (st.isFile() && /\.ipynb$/i.test(path)) return checkNotebook(ctx, full, path);
  let file = full;
  let shown = path;
  if (st.isDirectory()) {
    const found = await findGagefile(full);
    if (!found) {
      throw new CliError('ERR_GAGE_NO_GAGEFILE', `Cannot find a Gage file in ${path}`, {
        hint: `Looking for one of:\n${CANDIDATES.map((c) => `  ${c}`).join('\n')}\n\nFor help with Gage files try 'gage help gagefile'`,
      });
    }
    file = resolve(full, found);
    shown = join(path, relative(full, file));
    if (path === '.' || path.startsWith('./')) shown = `./${shown}`;
  }
  let problems: readonly string[];
  try {
    const gagefile = await loadGagefile(file);
    problems = validateGagefile(gagefile.data);
  } catch (err) {
    if (!(err instanceof GagefileLoadError)) throw err;
    if (!(err instanceof GagefileInvalidError)) throw new PresentedError(err, { message: `Error loading ${shown}: ${err.message}` });
    problems = err.problems;
  }
  if (problems.length > 0) {
    const lines = verbose ? [encodeJson(problems).trimEnd()] : problems;
    const message = [`There are errors in ${shown}`, ...lines].join('\n');
    throw new PresentedError(new GagefileInvalidError(file, problems), { message, unprefixed: true });
  }
  ctx.io.stderr.write(`${escapeControl(shown)} is a valid Gage file\n`);
  return 0;
}

/**
 * `check NOTEBOOK.ipynb` (docs/spec/cli.md 5.10): the notebook loads as a config file
 * (docs/spec/stage.md 5.7) and every code cell is Python (after its magics).
 */
async function checkNotebook(ctx: Context, file: string, shown: string): Promise<number> {
  const format = (await configFormatFor(file)) as NonNullable<Awaited<ReturnType<typeof configFormatFor>>>;
  const problems: string[] = [];
  try {
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    format.read(text, (message) => problems.push(message));
  } catch (err) {
    if (!isGageError(err)) throw err;
    throw new PresentedError(err as GageError<LibraryErrorCode>, { message: `Error loading ${shown}: ${err.message}` });
  }
  if (problems.length > 0) {
    // As the schema errors of a Gage file: no prefix, one line per cell that `gage run` would skip, exit 1.
    ctx.io.stderr.write(escapeControl([`There are errors in ${shown}`, ...problems].join('\n'), { keepNewlines: true }) + '\n');
    return 1;
  }
  ctx.io.stderr.write(`${escapeControl(shown)} is a valid notebook config file\n`);
  return 0;
}

/** `version` and `path` in the order given (docs/spec/cli.md 1.2). */
function incompatibleOrder(order: string[]): [string, string] {
  return order.indexOf('runs') < order.indexOf('version') ? ['path', 'version'] : ['version', 'path'];
}

/**
 * `check --version SPEC` (docs/spec/cli.md 5.10): silent when the CLI's version is in
 * the semver range (a bare version means equality; pre-releases count).
 */
function checkVersion(versionSpec: string): number {
  const options = { loose: true, includePrerelease: true };
  if (versionSpec.trim() === '' || validRange(versionSpec, options) === null) {
    throw new CliError('ERR_GAGE_VERSION_SPEC', `Invalid version spec '${versionSpec}': not a version or a semver range`, {
      hint: "Use a version ('0.2.0') or a range ('>=0.2', '^1.0', '>=0.2 <2', '1.x').",
    });
  }
  if (!satisfies(GAGE_VERSION, versionSpec, options)) {
    throw new CliError('ERR_GAGE_VERSION_MISMATCH', `Version mismatch: current version '${GAGE_VERSION}' does not match '${versionSpec}'`);
  }
  return 0;
}
