import { spawn } from 'node:child_process';
import { CliError } from '../errors.js';

/** The apt-get line that installs rclone (tools/setup-system.sh installs it for the tests). */
export const RCLONE_INSTALL = 'apt-get install -y --no-install-recommends rclone';

/** What an rclone command printed and its exit code. */
export interface RcloneResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `rclone args` (docs/spec/cli.md 5.13) with `env`, to its end.
 *
 * @throws {CliError} `ERR_GAGE_RCLONE` when rclone is not installed, or (with
 *   `check`) exits non-zero: the message names the command, the hint holds its
 *   last stderr lines.
 * @example
 * ```ts
 * const { stdout } = await rclone(['listremotes'], env);
 * ```
 */
export async function rclone(args: string[], env: Record<string, string | undefined>, check = true): Promise<RcloneResult> {
  const result = await new Promise<RcloneResult>((resolve, reject) => {
    const child = spawn('rclone', args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  }).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliError('ERR_GAGE_RCLONE', 'Copying to or from a remote needs rclone, which is not installed (not on PATH)', {
        hint: `Install it, e.g. on Debian or Ubuntu: ${RCLONE_INSTALL}`,
      });
    }
    throw err;
  });
  if (check && result.code !== 0) {
    const tail = result.stderr.trim().split('\n').slice(-5).join('\n');
    throw new CliError('ERR_GAGE_RCLONE', `rclone ${args[0] ?? ''} failed with exit code ${result.code}`, { hint: tail || undefined });
  }
  return result;
}

/**
 * The remote of a `remote:path` location, or undefined for a local path
 * (`./a:b`, `/x`, and on Windows `C:\x`).
 *
 * @example
 * ```ts
 * remoteName('backup:runs'); // 'backup'
 * remoteName('/mnt/runs');   // undefined
 * ```
 */
export function remoteName(location: string): string | undefined {
  const m = /^([\w][\w.\- ]*):/.exec(location);
  if (!m) return undefined;
  if (process.platform === 'win32' && (m[1] as string).length === 1) return undefined;
  return m[1];
}

/**
 * Checks that `name` is a configured remote (`rclone listremotes`).
 *
 * @throws {CliError} `ERR_GAGE_UNDEFINED_REMOTE`: `Undefined remote "<name>"`.
 * @example
 * ```ts
 * await checkRemote('backup', env);
 * ```
 */
export async function checkRemote(name: string, env: Record<string, string | undefined>): Promise<void> {
  const { stdout } = await rclone(['listremotes'], env);
  if (!stdout.split('\n').map((l) => l.trim()).includes(`${name}:`)) {
    throw new CliError('ERR_GAGE_UNDEFINED_REMOTE', `Undefined remote "${name}"`, {
      hint: "Define it with 'rclone config' (RCLONE_CONFIG names the config file). See 'gage help remotes' for more.",
    });
  }
}

/** Joins a remote location and a name: `r:path` + `x` → `r:path/x` (`r:` + `x` → `r:x`). */
export function remoteJoin(location: string, name: string): string {
  return location.endsWith(':') || location.endsWith('/') ? location + name : `${location}/${name}`;
}
