import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors.js';
import { expandHome } from './expand-home.js';
import type { Io } from './io.js';

/**
 * The directory of the global `-C PATH` (docs/spec/cli.md 2.1), resolved
 * from `start` (`~` expanded from `env`); fails when it does not exist
 * (`ERR_GAGE_NO_DIRECTORY`) or is not a directory (`ERR_GAGE_NOT_A_DIRECTORY`).
 *
 * @example
 * ```ts
 * changeDir('/home/me', 'proj', process.env); // '/home/me/proj'
 * ```
 */
export function changeDir(start: string, path: string, env: Io['env']): string {
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
