import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CapturedCommand } from '@gage/proc';

// Only Node built-ins at run time: the bin loads this module before the
// program (prefetchGitDiff), so that git works while the program is compiled.

/** The cap of the stored patch of uncommitted changes (decision 18). */
export const PATCH_CAP = 1_048_576;
/** How long a git query may take. */
export const GIT_TIMEOUT_MS = 10_000;
/** The environment git runs with: plain messages, no prompt, never the user's index lock. */
export const GIT_ENV = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

const DIFF_ARGS = ['diff', 'HEAD', '--no-color', '--no-ext-diff', '--binary'];
const STDERR_LIMIT = 65_536;

/** The nearest directory at or above `dir` that holds `.git`. */
export function workTreeRoot(dir: string): string | undefined {
  for (let d = resolve(dir);; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** Variables that move the repository or work tree away from the `.git` found above the project: git decides then. */
export function gitEnvironmentSet(): boolean {
  return ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_CONFIG', 'GIT_CONFIG_COUNT']
    .some((name) => process.env[name] !== undefined);
}

/** A running `git diff HEAD`: its result, a way to stop it, and whether it keeps the process alive. */
interface RunningDiff {
  result: Promise<CapturedCommand>;
  kill(): void;
  /** Whether the process waits for it (the default) or may exit first. */
  keepAlive(on: boolean): void;
}

/**
 * Runs `git diff HEAD` (binary patches, no color, no external diff) in `cwd`
 * with {@link GIT_ENV}, keeping at most {@link PATCH_CAP} bytes of its output
 * (git is killed once it writes more) and killing it after
 * {@link GIT_TIMEOUT_MS}. Never rejects: a missing git, a failure or a
 * timeout are in the result, as with `captureCommand` of @gage/proc.
 */
function runGitDiff(cwd: string): RunningDiff {
  const child = spawn('git', DIFF_ARGS, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  let timedOut = false;
  let stderr = '';
  let error: string | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    if (truncated) return;
    if (size + chunk.length > PATCH_CAP) {
      chunks.push(chunk.subarray(0, PATCH_CAP - size));
      size = PATCH_CAP;
      truncated = true;
      child.kill('SIGKILL');
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, GIT_TIMEOUT_MS);
  timer.unref();
  const result = new Promise<CapturedCommand>((resolvePromise) => {
    const done = (exitCode: number | null) => {
      clearTimeout(timer);
      resolvePromise({
        exitCode: truncated || timedOut || exitCode === null ? undefined : exitCode,
        stdout: Buffer.concat(chunks),
        stderr: stderr.slice(0, STDERR_LIMIT),
        truncated,
        timedOut,
        error,
      });
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      error = err.code === 'ENOENT' ? 'program not found' : err.code === 'EACCES' ? 'permission denied' : err.message;
      done(null);
    });
    // The output is complete when both pipes closed; a grandchild that keeps one open gets 100 ms after git's exit.
    child.once('close', (code) => done(code));
    child.once('exit', (code) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        done(code);
      }, 100).unref();
    });
  });
  return {
    result,
    kill: () => child.kill('SIGKILL'),
    keepAlive(on) {
      for (const handle of [child, child.stdout, child.stderr] as { ref?(): void; unref?(): void }[]) {
        if (on) handle.ref?.();
        else handle.unref?.();
      }
    },
  };
}

/**
 * `git diff HEAD` of the work tree at `root` (see {@link runGitDiff}): the
 * one {@link prefetchGitDiff} started for this work tree if there is one,
 * else a new one. `signal` stops it.
 */
export function gitDiff(root: string, signal?: AbortSignal): Promise<CapturedCommand> {
  const running = takePrefetched(root) ?? runGitDiff(root);
  running.keepAlive(true);
  if (signal?.aborted) running.kill();
  else signal?.addEventListener('abort', () => running.kill(), { once: true });
  return running.result;
}

let prefetched: (RunningDiff & { root: string }) | undefined;

/**
 * Starts `git diff HEAD` of the git work tree holding `startDir` now, for
 * the next provenance of that work tree to take (decision 18): the `gage`
 * bin calls it as it starts for a `gage run -y`, so that git reads the tree
 * while the program is loaded and compiled, instead of after. Does nothing
 * outside a work tree, when git's location variables are set
 * (`GIT_DIR`...), or when a prefetch is already running. A prefetch that
 * nobody takes is killed when the process exits.
 *
 * @example
 * ```ts
 * prefetchGitDiff(process.cwd()); // from the entry '@gage/stage/git-prefetch', first
 * await collectProvenance(projectDir); // of a project in that work tree: takes the running diff
 * ```
 */
export function prefetchGitDiff(startDir: string): void {
  if (prefetched !== undefined || gitEnvironmentSet()) return;
  const root = workTreeRoot(startDir);
  if (root === undefined) return;
  const running = runGitDiff(root);
  running.keepAlive(false); // until taken: an unused prefetch never delays the exit
  prefetched = { ...running, root };
  const killAtExit = () => running.kill();
  process.once('exit', killAtExit);
  void running.result.then(() => process.off('exit', killAtExit));
}

function takePrefetched(root: string): RunningDiff | undefined {
  if (prefetched?.root !== root) return undefined;
  const taken = prefetched;
  prefetched = undefined;
  return taken;
}
