import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built bin. */
export const BIN = fileURLToPath(new URL('../dist/gage.js', import.meta.url));

/** What a `gage` process did. */
export interface GageResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link gage}. */
export interface GageOptions {
  cwd: string;
  home: string;
  input?: string;
  env?: Record<string, string>;
}

/** Runs the built `gage` in plain mode (COLUMNS=80, NO_COLOR=1, a temp HOME). */
export function gage(args: string[], options: GageOptions): Promise<GageResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: options.home, COLUMNS: '80', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A temp dir with `files` written into it. */
export async function makeTree(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gage-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Removes a temp dir (also read-only run files). */
export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Sorted entry names of a dir, `[]` when missing. */
export async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** The sample project of cli.md 7 with `node` commands. */
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
export const GREET_OPS =
  '| operation | description                                                      |\n' +
  '|-----------|------------------------------------------------------------------|\n' +
  '| fail      | Exit with status 3                                               |\n' +
  '| hello     | Print a greeting. (default)                                      |\n';
