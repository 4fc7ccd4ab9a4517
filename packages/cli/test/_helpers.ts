import { spawn, spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/io.js';
import { runMain } from '../src/main.js';

/** The built bin, for the end-to-end tests (`gageBin`). */
export const BIN = fileURLToPath(new URL('../dist/gage.js', import.meta.url));

/** What a `gage` command did. */
export interface GageResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link gage} and {@link gageBin}. */
export interface GageOptions {
  /** The directory gage starts in. */
  cwd: string;
  /** `HOME` of gage (a temp dir: `~`, `~/.gage/runs`). */
  home: string;
  /** Its stdin, ended after this text (default: empty). */
  input?: string;
  /** More environment, over plain mode (`COLUMNS=80`, `NO_COLOR=1`), `PATH` and `HOME`. */
  env?: Record<string, string>;
  /** How gage starts itself again (`run --background`); in process, e.g. `['node', BIN]`. */
  gageCommand?: string[];
}

/** The environment of a gage under test: plain mode, a temp HOME, nothing else from ours but PATH. */
export function gageEnv(options: Pick<GageOptions, 'home' | 'env'>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: options.home, COLUMNS: '80', NO_COLOR: '1', ...options.env };
}

/** A `gage` command running in this process (see {@link startGage}). */
export interface GageCall {
  result: Promise<GageResult>;
  /** Its stdin: write answers, then `end()`. */
  stdin: PassThrough;
  /** Output so far. */
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts `gage args` in this process through `runMain` with a terminal of
 * its own: stdout and stderr captured (no TTY, so plain mode), `stdin` left
 * open for the caller, the environment of {@link gageEnv}. The run's own
 * processes are real.
 */
export function startGage(args: string[], options: Omit<GageOptions, 'input'>): GageCall {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const capture = (chunks: Buffer[]) => ({
    write: (data: string | Uint8Array) => {
      chunks.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
      return true;
    },
  });
  const stdin = new PassThrough();
  const io: Io = { stdout: capture(out), stderr: capture(err), stdin, env: gageEnv(options) };
  const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
  const result = runMain(args, io, { cwd: options.cwd, gageCommand: options.gageCommand }).then((code) => ({ code, stdout: text(out), stderr: text(err) }));
  return {
    result,
    stdin,
    get stdout() {
      return text(out);
    },
    get stderr() {
      return text(err);
    },
  };
}

/** Runs `gage args` in this process to its end (see {@link startGage}), `input` on stdin. */
export function gage(args: string[], options: GageOptions): Promise<GageResult> {
  const call = startGage(args, options);
  call.stdin.end(options.input ?? '');
  return call.result;
}

/** Runs the built `gage` bin with `node` to its end, in plain mode with a temp HOME (see {@link gageEnv}). */
export function gageBin(args: string[], options: GageOptions): Promise<GageResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [BIN, ...args], { cwd: options.cwd, env: gageEnv(options), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs the built `gage` bin on a pseudo-terminal (util-linux `script`: stdin,
 * stdout and stderr are the terminal, `TERM=xterm`, so styled mode) and
 * returns what the terminal showed, both streams together, line ends `\r\n`.
 */
export function gageOnTerminal(args: string[], options: Omit<GageOptions, 'input' | 'gageCommand'>): { code: number | null; shown: string } {
  const command = ['node', BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...gageEnv(options), SHELL: '/bin/sh', TERM: 'xterm', ...options.env },
  });
  if (r.error) throw new Error(`cannot run 'script' (${r.error.message}): apt-get install bsdutils`);
  return { code: r.status, shown: r.stdout };
}

/** The sample project of docs/spec/cli.md 7 with `node` commands. */
export const GREET: Record<string, string> = {
  'gage.toml': `[hello]
description = """
Print a greeting.

Prints "Hello" followed by the configured name.
"""
default = true
exec = "node hello.cjs"
config = "config.json"

[fail]
description = "Exit with status 3"
exec = ["node", "-e", "process.exit(3)"]
`,
  'hello.cjs': `const { name } = JSON.parse(require('fs').readFileSync('config.json', 'utf8'));
console.log(\`Hello \${name}\`);
`,
  'config.json': '{"name": "World"}\n',
};

/** The operations table of the sample project at W=80. */
export const GREET_OPS = '| operation | description                                                      |\n' +
  '|-----------|------------------------------------------------------------------|\n' +
  '| fail      | Exit with status 3                                               |\n' +
  '| hello     | Print a greeting. (default)                                      |\n';
