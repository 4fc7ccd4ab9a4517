// The parsers of YAML and TOML (`yaml` 267 KB, `smol-toml` 33 KB) are loaded
// only when a file of that format is read (packages/stage/README.md, "Two
// entries"). This runs the built bundle with a module hook that records
// every module it loads, and looks into each loaded chunk's source map for
// the parser packages. Self-contained on purpose: it spawns `node` itself.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';

const BIN = fileURLToPath(new URL('../dist/gage.js', import.meta.url));

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gage-lazy-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.GAGE_TEST_MODULE_LOG, url + '\\n');
  return next(url, context);
}
`;

const PARSERS = { yaml: /[/\\]node_modules[/\\]yaml[/\\]/, 'smol-toml': /[/\\]node_modules[/\\]smol-toml[/\\]/ };

/**
 * Runs `gage run -y -q <args>` in a project of `files` and returns the parser
 * packages among the modules the process loaded (by module URL, and by the
 * sources of each loaded bundle chunk).
 */
async function parsersLoaded(files: Record<string, string>, args: string[]): Promise<string[]> {
  const project = join(dir, 'project');
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  await mkdir(project);
  for (const [name, text] of Object.entries(files)) await writeFile(join(project, name), text);
  const log = join(dir, 'modules.log');
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)})`;
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn('node', ['--import', register, BIN, '--runs', join(dir, 'runs'), 'run', '-y', '-q', ...args], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', GAGE_TEST_MODULE_LOG: log },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  expect(result).toEqual({ code: 0, stderr: '' });
  const urls = (await readFile(log, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
  expect(urls.some((url) => url.endsWith('/dist/gage.js'))).toBe(true);
  const found = new Set<string>();
  for (const url of urls) {
    const path = fileURLToPath(url);
    const sources = [path];
    const map = await readFile(`${path}.map`, 'utf8').catch(() => undefined);
    if (map !== undefined) sources.push(...(JSON.parse(map) as { sources: string[] }).sources);
    for (const [name, re] of Object.entries(PARSERS)) if (sources.some((s) => re.test(s))) found.add(name);
  }
  return [...found].sort();
}

const OP = (config: string[]) => JSON.stringify({ train: { exec: ['node', '-e', '0'], config } });

describe('gage run loads the YAML and TOML parsers only for files of their format', () => {
  test('a project with a JSON Gage file and JSON and Python config files loads neither', async () => {
    const files = { 'gage.json': OP(['config.json', 'train.py']), 'config.json': '{"lr": 0.1}\n', 'train.py': 'epochs = 1\n' };
    expect(await parsersLoaded(files, ['train', 'lr=0.5', 'epochs=2'])).toEqual([]);
  });

  test('a YAML config file loads yaml only', async () => {
    const files = { 'gage.json': OP(['config.yaml']), 'config.yaml': 'lr: 0.1\nlayers: [1, 2]\n' };
    expect(await parsersLoaded(files, ['train', 'lr=0.5'])).toEqual(['yaml']);
  });

  test('a TOML config file loads smol-toml only', async () => {
    const files = { 'gage.json': OP(['config.toml']), 'config.toml': 'lr = 0.1\nlayers = [1, 2]\n' };
    expect(await parsersLoaded(files, ['train', 'lr=0.5'])).toEqual(['smol-toml']);
  });

  test('a TOML Gage file loads smol-toml only', async () => {
    const files = { 'gage.toml': '[train]\nexec = ["node", "-e", "0"]\nconfig = "config.json"\n', 'config.json': '{"lr": 0.1}\n' };
    expect(await parsersLoaded(files, ['train', 'lr=0.5'])).toEqual(['smol-toml']);
  });
});
