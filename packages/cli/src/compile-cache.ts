import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** `module.enableCompileCache` of Node 22.1+; absent on Node 20 and Deno. */
type EnableCompileCache = (dir?: string) => unknown;

/**
 * The directory of `gage`'s compile cache: `$XDG_CACHE_HOME/gage/compile`,
 * else `~/.cache/gage/compile`; `undefined` when the cache is not wanted:
 * `NODE_DISABLE_COMPILE_CACHE` is set (Node's own switch), or
 * `NODE_COMPILE_CACHE` is set (Node enabled its cache there at start-up, the
 * user's choice), or there is no home directory. Never in the project.
 *
 * @example
 * ```ts
 * compileCacheDir({ HOME: '/home/me' }, '/home/me'); // '/home/me/.cache/gage/compile'
 * compileCacheDir({ XDG_CACHE_HOME: '/tmp/c' }, '/home/me'); // '/tmp/c/gage/compile'
 * compileCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1' }, '/home/me'); // undefined
 * ```
 */
export function compileCacheDir(env: Record<string, string | undefined>, home: string): string | undefined {
  if (env['NODE_DISABLE_COMPILE_CACHE'] || env['NODE_COMPILE_CACHE']) return undefined;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'gage', 'compile');
  return home && isAbsolute(home) ? join(home, '.cache', 'gage', 'compile') : undefined;
}

/**
 * Turns on Node's module compile cache (`module.enableCompileCache`, Node
 * 22.1+) in {@link compileCacheDir}, so that a second `gage` start reuses
 * V8's compiled code of the bundle instead of compiling it again. Modules
 * loaded after this call are cached; the bin calls it before it imports the
 * rest of the program. A no-op where the runtime has no such function
 * (Node 20, Deno) or the cache is not wanted; never throws (a cache that
 * cannot be written is Node's silent `FAILED` status).
 *
 * @returns whether the runtime was asked to enable the cache
 * @example
 * ```ts
 * enableCompileCache(process.env); // at the top of the bin, before `await import('./main.js')`
 * ```
 */
export function enableCompileCache(env: Record<string, string | undefined>): boolean {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function' || (globalThis as { Deno?: unknown }).Deno !== undefined) return false;
  try {
    const dir = compileCacheDir(env, homedir());
    if (dir === undefined) return false;
    enable(dir);
    return true;
  } catch {
    return false;
  }
}
