import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Entries that mark a project dir (docs/spec/stage.md 1.1), files or directories. */
export const PROJECT_MARKERS: readonly string[] = [
  '.gage',
  'gage.json',
  'gage.toml',
  'gage.yaml',
  'gageconfig.json',
  'gageconfig.toml',
  'gageconfig.yaml',
  'pyproject.toml',
  '.vscode',
  '.git',
];

/** Options of {@link findProjectDir}. */
export interface FindProjectDirOptions {
  /** Environment to read `PROJECT_DIR` from; not read when absent. */
  env?: { PROJECT_DIR?: string | undefined } | undefined;
  /** The walk ends after this directory has been checked. */
  stopDir?: string | undefined;
}

/**
 * Finds the project dir (docs/spec/stage.md 1.1): a non-empty `env.PROJECT_DIR` as is;
 * otherwise the nearest directory from `cwd` up to the root (or `stopDir`)
 * that contains one of {@link PROJECT_MARKERS}. The nearest marker wins, even
 * without a Gage file. Returns `undefined` when there is no project.
 *
 * @example
 * ```ts
 * const projectDir = await findProjectDir(process.cwd(), { env: process.env });
 * ```
 */
export async function findProjectDir(cwd: string, options: FindProjectDirOptions = {}): Promise<string | undefined> {
  const fromEnv = options.env?.PROJECT_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stop = options.stopDir === undefined ? undefined : resolve(options.stopDir);
  let dir = resolve(cwd);
  for (;;) {
    if (await hasMarker(dir)) return dir;
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

async function hasMarker(dir: string): Promise<boolean> {
  for (const name of PROJECT_MARKERS) {
    if (await exists(join(dir, name))) return true;
  }
  return false;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
