import { lstat, mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { JsonObject, Run } from '@gage/types';
import { DependencyNotFoundError } from '../errors.js';
import { copySourcecode } from '../sourcecode/copy-sourcecode.js';
import { planSourcecode } from '../sourcecode/plan-sourcecode.js';

/** Options of {@link resolveProjectFiles}. */
export interface ResolveProjectFilesOptions {
  /** The operation's name, for messages. */
  opName: string;
  onWarning: (message: string) => void;
}

/**
 * Resolves a project-files dependency (docs/spec/stage.md 6): the project files its
 * `files` patterns select (the pattern rules of docs/spec/stage.md 4.1, no type or size
 * limit unless written) are copied into the run dir at the same paths, or
 * linked there (absolute symlinks) when `link` is true. A file that staging
 * already put at that path is left as it is. Returns the resolved paths.
 *
 * @throws {DependencyNotFoundError} when the patterns select no file.
 * @example
 * ```ts
 * await resolveProjectFiles(run, projectDir, { files: 'data/*.csv', link: true }, { opName: 'train', onWarning });
 * ```
 */
export async function resolveProjectFiles(
  run: Run,
  projectDir: string,
  dependency: JsonObject,
  options: ResolveProjectFilesOptions,
): Promise<string[]> {
  const files = dependency['files'];
  const patterns = typeof files === 'string' ? [files] : Array.isArray(files) ? files.filter(isString) : [];
  const plan = await planSourcecode(projectDir, patterns, { runsDir: dirname(run.runDir) });
  for (const message of plan.warnings) options.onWarning(message);
  if (plan.paths.length === 0) throw new DependencyNotFoundError(options.opName, patterns);
  const missing: string[] = [];
  for (const path of plan.paths) if (!(await exists(join(run.runDir, path)))) missing.push(path);
  if (dependency['link'] !== true) {
    return copySourcecode({ srcDir: plan.srcDir, paths: missing }, run.runDir, { onWarning: options.onWarning });
  }
  for (const path of missing) {
    const dst = join(run.runDir, path);
    await mkdir(dirname(dst), { recursive: true });
    await symlink(join(plan.srcDir, path), dst);
  }
  return missing;
}

function isString(x: unknown): x is string {
  return typeof x === 'string';
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
