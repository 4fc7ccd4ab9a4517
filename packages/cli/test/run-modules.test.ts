// `gage run -y` of one run loads only what that path uses (docs/performance.md,
// "Run overhead"): not the code of `--start`, batches, `--preview`,
// `--background`, the prompt, tables or the runs list, and not the Node
// built-ins only they need (Node 20 compiles a built-in on its first import).
// Like lazy-parsers.test.ts, this runs the built bundle with a module hook that
// records every module it loads (built-ins too, as `node:` URLs) and reads each
// loaded chunk's source map.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

const BIN = fileURLToPath(new URL('../dist/gage.js', import.meta.url));

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.GAGE_TEST_MODULE_LOG, url + '\\n');
  return next(url, context);
}
`;

let dir: string;
/** Module URLs, and the sources of every loaded chunk (relative paths from the source maps). */
let loaded: { urls: string[]; sources: string[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gage-run-modules-'));
  const project = join(dir, 'project');
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  await mkdir(project);
  await writeFile(join(project, 'gage.json'), JSON.stringify({ train: { exec: ['node', '-e', '0'], config: ['config.json'] } }));
  await writeFile(join(project, 'config.json'), '{"lr": 0.1}\n');
  const log = join(dir, 'modules.log');
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)})`;
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn('node', ['--import', register, BIN, '--runs', join(dir, 'runs'), 'run', '-y', 'train', 'lr=0.5'], {
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
  const urls = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  const sources: string[] = [];
  for (const url of urls.filter((u) => u.startsWith('file:'))) {
    const map = await readFile(`${fileURLToPath(url)}.map`, 'utf8').catch(() => undefined);
    if (map !== undefined) sources.push(...(JSON.parse(map) as { sources: string[] }).sources.map((s) => s.replaceAll('\\', '/')));
  }
  loaded = { urls, sources };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gage run -y of one run', () => {
  test('loads the run path (sanity check of the hook)', () => {
    expect(loaded.urls.some((u) => u.endsWith('/dist/gage.js'))).toBe(true);
    expect(loaded.sources.some((s) => s.endsWith('src/commands/run.ts'))).toBe(true);
    expect(loaded.sources.some((s) => s.endsWith('src/commands/_run-exec.ts'))).toBe(true);
    expect(loaded.urls).toContain('node:child_process');
  });

  test.each([
    'src/commands/_start-staged.ts',
    'src/commands/_start-runs.ts',
    'src/commands/_run-batch.ts',
    'src/commands/_run-preview.ts',
    'src/commands/_batch-preview.ts',
    'src/commands/_run-background.ts',
    'src/commands/_run-op-text.ts',
    'src/commands/_operations.ts',
    'src/output/confirm.ts',
    'src/output/format-table.ts',
    'src/runs/run-list.ts',
    'src/runs/runs-table.ts',
  ])('does not load %s', (source) => {
    expect(loaded.sources.filter((s) => s.endsWith(source))).toEqual([]);
  });

  test.each(['node:worker_threads', 'node:readline', 'node:vm'])('does not import %s', (builtin) => {
    expect(loaded.urls.filter((u) => u === builtin || u === builtin.slice('node:'.length))).toEqual([]);
  });
});
