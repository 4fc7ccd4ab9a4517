// A shell runs `gage __complete` on every Tab that asks for run names,
// operations or flags (docs/spec/cli.md 5.21), so it must start fast: it
// reads the project through the entry `@gage/stage/project`, which imports
// no process code. This runs the built bundle with a module hook that
// records every module it loads and looks into each loaded chunk's source
// map: neither @gage/proc nor execa (nor cross-spawn) may be among them.
// Self-contained on purpose: it spawns `node` itself.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { BIN, GREET } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let dir: string;

beforeAll(async () => {
  project = await testdir(GREET);
  dir = await testdir();
  await makeGreetRun(join(project, '.gage', 'runs'), project, { op: 'hello', name: 'Ada' });
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(dir);
});

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.GAGE_TEST_MODULE_LOG, url + '\\n');
  return next(url, context);
}
`;

/** Source paths that must not load, by what they are. */
const PROCESS_CODE = {
  '@gage/proc': /(?:^|[/\\])proc[/\\]src[/\\]/, // the source maps name `../../proc/src/<file>.ts`
  execa: /[/\\]node_modules[/\\]execa[/\\]/,
  'cross-spawn': /[/\\]node_modules[/\\]cross-spawn[/\\]/,
};

/**
 * Runs `gage <args>` in the project and returns its stdout and the sources
 * (file paths of the source maps) of every module the process loaded.
 */
async function loadedSources(args: string[]): Promise<{ stdout: string; sources: string[] }> {
  const log = join(dir, `modules-${args.join('-')}.log`);
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)})`;
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('node', ['--import', register, BIN, ...args], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', GAGE_TEST_MODULE_LOG: log },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  const urls = (await readFile(log, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
  const sources: string[] = [];
  for (const url of urls) {
    const path = fileURLToPath(url);
    sources.push(path);
    const map = await readFile(`${path}.map`, 'utf8').catch(() => undefined);
    if (map !== undefined) sources.push(...(JSON.parse(map) as { sources: string[] }).sources);
  }
  return { stdout: result.stdout, sources };
}

function processCode(sources: string[]): string[] {
  return Object.entries(PROCESS_CODE).filter(([, re]) => sources.some((s) => re.test(s))).map(([name]) => name);
}

describe('gage __complete loads no process code', () => {
  test('run names: the project is found and read, @gage/proc and execa are not loaded', async () => {
    const { stdout, sources } = await loadedSources(['__complete', 'runs']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    // The project was read (its Gage file decides the runs dir), so the look into the source maps works.
    expect(sources.some((s) => s.endsWith('load-gagefile.ts'))).toBe(true);
    expect(processCode(sources)).toEqual([]);
  });

  test('operations and flags: read from the Gage file and config, without process code', async () => {
    const ops = await loadedSources(['__complete', 'flags']);
    expect(ops.stdout).toBe('fail\nhello\nname=\n');
    expect(processCode(ops.sources)).toEqual([]);
    const flags = await loadedSources(['__complete', 'flags', 'hello']);
    expect(flags.stdout).toBe('name=\n');
    expect(processCode(flags.sources)).toEqual([]);
  });

  test('nor the command table or any other command: the bin answers from its completion entry (dist/gage-complete.js)', async () => {
    const { stdout, sources } = await loadedSources(['__complete', 'runs']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(sources.some((s) => s.endsWith('gage-complete.js'))).toBe(true);
    expect(sources.some((s) => /src[/\\]commands[/\\]complete\.ts$/.test(s))).toBe(true);
    const others = sources.filter((s) => /src[/\\](command-table|main)\.ts$|src[/\\]commands[/\\](?!complete\.ts)/.test(s));
    expect(others).toEqual([]);
  });

  test('gage run does load them (the check sees process code where it is)', async () => {
    const { sources } = await loadedSources(['run', '-y', '-q', 'hello']);
    expect(processCode(sources)).toEqual(['@gage/proc', 'execa', 'cross-spawn']);
  });
});
