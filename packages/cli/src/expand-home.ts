import { homedir } from 'node:os';

/**
 * Expands a leading `~` to the home directory.
 *
 * @example
 * ```ts
 * expandHome('~/runs'); // '/home/me/runs'
 * ```
 */
export function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/')) return homedir() + path.slice(1);
  return path;
}
