import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTree, testdir, writeTree } from '@gage/test-utils';

/** The built `gage` bin (build it first: `pnpm build` at the root), or `GAGE_BIN` (e.g. a copy of `dist/`). */
export const BIN = process.env.GAGE_BIN ?? fileURLToPath(new URL('../../../packages/cli/dist/gage.js', import.meta.url));

if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'pnpm build' at the repository root first`);

/** True unless `GAGE_QUICK` is set to something other than `0` (CI sets `GAGE_QUICK=1`). */
export const QUICK: boolean = (process.env.GAGE_QUICK ?? '0') !== '0' && process.env.GAGE_QUICK !== '';

/** `quick` in quick mode, `full` otherwise. */
export function scale<T>(quick: T, full: T): T {
  return QUICK ? quick : full;
}

/** What a finished `gage` process did. */
export interface GageResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link gage} and {@link spawnGage}. */
export interface GageOptions {
  cwd: string;
  home: string;
  env?: Record<string, string>;
  input?: string;
  /** Node options for the gage process, e.g. `['--import', probe]`. */
  nodeArgs?: string[];
  /** Start gage in its own process group (pgid = pid). */
  detached?: boolean;
}

/** A running `gage` process and the promise of its result. */
export interface GageProcess {
  child: ChildProcess;
  result: Promise<GageResult>;
  /** Output seen so far. */
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment every gage process gets: plain mode, a temp HOME, nothing else from ours but PATH. */
export function gageEnv(options: GageOptions): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: options.home, COLUMNS: '80', NO_COLOR: '1', ...options.env };
}

/** Starts the built `gage` with `args`. */
export function spawnGage(args: string[], options: GageOptions): GageProcess {
  const child = spawn('node', [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    env: gageEnv(options),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const result = new Promise<GageResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      // Output pipes may be held by orphans (a killed gage's run process): do not wait for them.
      setImmediate(() => resolve({ code, signal, stdout, stderr }));
    });
  });
  child.stdin?.end(options.input ?? '');
  return {
    child,
    result,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

/** Runs the built `gage` with `args` to its end. */
export function gage(args: string[], options: GageOptions): Promise<GageResult> {
  return spawnGage(args, options).result;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True while any process of the process group `pgid` lives. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A project plus a temp HOME and a runs dir inside it; `dispose()` removes all. */
export interface Sandbox {
  root: string;
  project: string;
  home: string;
  runs: string;
  opts: GageOptions;
  dispose(): Promise<void>;
}

/** Makes a sandbox whose project holds `files`; gage runs with `--runs <runs>` through `GAGE_RUNS`. */
export async function makeSandbox(files: Record<string, string | Uint8Array>): Promise<Sandbox> {
  const root = await testdir();
  const project = join(root, 'project');
  const home = join(root, 'home');
  const runs = join(root, 'runs');
  await mkdir(project);
  await mkdir(home);
  await writeTree(project, files);
  return {
    root,
    project,
    home,
    runs,
    opts: { cwd: project, home, env: { GAGE_RUNS: runs } },
    dispose: () => removeTree(root),
  };
}

/** Lines of a stack trace (`    at fn (file:1:2)`): never shown to users without `-v`. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/** A mounted tmpfs of a fixed size; `unmount()` unmounts and removes the dir. */
export interface SmallDisk {
  dir: string;
  unmount(): Promise<void>;
}

/**
 * Mounts a tmpfs of `size` (e.g. `'2m'`) on a new temp dir, to fill a disk
 * for real. Throws, naming what is needed, when mounting is not allowed:
 * the full-disk cases must fail loudly there, never pass unseen.
 */
export async function mountSmallDisk(size: string): Promise<SmallDisk> {
  const dir = await testdir();
  const failed = await new Promise<string | undefined>((resolve) => {
    execFile('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], (err, _out, stderr) => resolve(err ? `${stderr || err.message}`.trim() : undefined));
  });
  if (failed !== undefined) {
    await removeTree(dir);
    throw new Error(
      `The full-disk cases need a small file system to fill and could not mount one (mount -t tmpfs -o size=${size} tmpfs ${dir}: ${failed}). ` +
        'Run the reliability suite as root, or in a container allowed to mount (CAP_SYS_ADMIN).',
    );
  }
  return {
    dir,
    async unmount() {
      await new Promise((resolve) => execFile('umount', [dir], resolve));
      await removeTree(dir);
    },
  };
}

/** Remounts a mounted tmpfs read-only (`ro: true`) or read-write. */
export function remount(dir: string, ro: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('mount', ['-o', `remount,${ro ? 'ro' : 'rw'}`, dir],
      (err, _out, stderr) => (err ? reject(new Error(`remount ${dir}: ${stderr || err.message}`)) : resolve()));
  });
}

/** What gage must never print, whatever the input: a stack trace, or a request to report a bug. */
export function expectNoCrash(res: GageResult): void {
  if (STACK_LINE.test(res.stderr) || /bug in Gage/.test(res.stderr)) throw new Error(`gage crashed (exit ${res.code}):\n${res.stderr}`);
}
