import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findGagefile, findProjectDir, loadGagefile, projectNamespace, type Gagefile } from '@gage/stage/project';
import type { Context } from './context.js';
import { expandHome, homeDir } from './expand-home.js';

/** The project a command runs in (docs/spec/cli.md 2.2, 2.3). */
export interface ProjectInfo {
  /** Absolute project dir, if there is a project. */
  projectDir: string | undefined;
  /** Base name of the project's real path, whitespace replaced by `_` (`projectNamespace`). */
  namespace: string | undefined;
  /** Path of the Gage file, if one was found. */
  gagefilePath: string | undefined;
  /** The Gage file's path as messages show it (see {@link shownPath}). */
  gagefileShown?: string | undefined;
  /** The loaded Gage file, if it loaded. */
  gagefile: Gagefile | undefined;
  /** Why the Gage file could not be loaded. */
  loadError: Error | undefined;
}

/**
 * Finds the project dir and its Gage file from the command's directory and
 * loads the file; a load error is kept, not thrown.
 *
 * @example
 * ```ts
 * const project = await loadProject(ctx);
 * ```
 */
export async function loadProject(ctx: Context): Promise<ProjectInfo> {
  const found = await findProjectDir(ctx.cwd, { env: ctx.io.env });
  const projectDir = found === undefined ? undefined : resolve(ctx.cwd, found);
  const info: ProjectInfo = { projectDir, namespace: undefined, gagefilePath: undefined, gagefile: undefined, loadError: undefined };
  if (!projectDir) return info;
  info.namespace = await projectNamespace(projectDir);
  const path = await findGagefile(projectDir);
  if (!path) return info;
  info.gagefilePath = path;
  info.gagefileShown = shownPath(path, ctx.startDir ?? ctx.cwd, projectDir);
  try {
    info.gagefile = await loadGagefile(path);
  } catch (err) {
    info.loadError = err as Error;
  }
  return info;
}

/**
 * A project file's path as messages show it (docs/spec/cli.md 2.1): relative
 * to the directory gage started in when the file is below it (`gage.toml`,
 * `-C proj`: `proj/gage.toml`) or the project was found above it
 * (`../gage.toml`), else absolute (a `PROJECT_DIR` elsewhere).
 *
 * @example
 * ```ts
 * shownPath('/p/gage.toml', '/p/src', '/p'); // '../gage.toml'
 * ```
 */
function shownPath(path: string, startDir: string, projectDir: string): string {
  const rel = relative(startDir, path);
  if (rel === '' || isAbsolute(rel)) return path;
  const below = rel !== '..' && !rel.startsWith(`..${sep}`);
  const fromProject = relative(projectDir, startDir);
  const inProject = fromProject === '' || (!isAbsolute(fromProject) && fromProject !== '..' && !fromProject.startsWith(`..${sep}`));
  return below || inProject ? rel : path;
}

/**
 * The runs dir (decision 9, docs/spec/cli.md 2.4): `--runs`, `GAGE_RUNS`, `RUNS_DIR`,
 * `$runs-dir` of the Gage file (relative to the project), the project's
 * `.gage/runs`, `~/.gage/runs`. `~` is expanded.
 *
 * @example
 * ```ts
 * const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
 * ```
 */
export function resolveRunsDir(ctx: Context, project: ProjectInfo): string {
  if (ctx.runsOption) return ctx.runsOption;
  const env = ctx.io.env;
  for (const name of ['GAGE_RUNS', 'RUNS_DIR']) {
    const v = env[name];
    if (v) return resolve(ctx.cwd, expandHome(v, env));
  }
  if (project.projectDir) {
    const setting = project.gagefile?.settings.runsDir;
    if (setting) return resolve(project.projectDir, expandHome(setting, env));
    return join(project.projectDir, '.gage', 'runs');
  }
  return join(homeDir(env), '.gage', 'runs');
}
