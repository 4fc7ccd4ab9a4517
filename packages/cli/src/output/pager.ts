import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Io } from '../io.js';

/**
 * Shows `text` through a pager when gage writes to the terminal of its own
 * process in styled mode (docs/spec/cli.md 1.3): `$PAGER`, then `$MANPAGER`,
 * else `less -r` (when `less` is on `PATH`), run by `sh -c`. Resolves false
 * when no pager was used, or the pager command does not exist (exit 127):
 * then the caller writes the text itself.
 *
 * @example
 * ```ts
 * if (!(await pageText(ctx.io, text, ctx.mode.styled))) ctx.io.stdout.write(text);
 * ```
 */
export async function pageText(io: Io, text: string, styled: boolean): Promise<boolean> {
  if (!styled || io.stdout.isTTY !== true || io.stdout.fd !== 1) return false;
  const env = io.env;
  const command = env.PAGER || env.MANPAGER || (onPath('less', env.PATH) ? 'less -r' : undefined);
  if (!command) return false;
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code !== 127)); // 127: the shell found no such pager; the text is written instead
    child.stdin.on('error', () => undefined); // the pager quit before reading everything (q in less)
    child.stdin.end(text);
  });
}

function onPath(name: string, path: string | undefined): boolean {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
