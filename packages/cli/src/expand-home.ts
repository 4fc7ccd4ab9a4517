import { homedir } from 'node:os';

/**
 * The home directory for the environment `env` (`Io.env`): `HOME`
 * (`USERPROFILE` on Windows) when set, else the OS's (`os.homedir()`). For
 * the process's own environment this is what `os.homedir()` returns; taking
 * it from `env` lets a caller of `runMain` give gage a home of its own.
 *
 * @example
 * ```ts
 * homeDir({ HOME: '/home/me' }); // '/home/me'
 * ```
 */
export function homeDir(env: Record<string, string | undefined>): string {
  return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}

/**
 * Expands a leading `~` to the home directory of `env` (see {@link homeDir}).
 *
 * @example
 * ```ts
 * expandHome('~/runs', { HOME: '/home/me' }); // '/home/me/runs'
 * ```
 */
export function expandHome(path: string, env: Record<string, string | undefined>): string {
  if (path === '~') return homeDir(env);
  if (path.startsWith('~/')) return homeDir(env) + path.slice(1);
  return path;
}
