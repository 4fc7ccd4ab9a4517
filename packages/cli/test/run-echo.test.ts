import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { BIN, gage, gageEnv } from './_helpers.js';

// A run writing many lines to both streams, lines split across writes, and
// a last stdout line without LF: gage echoes stdout bytes to its stdout and
// stderr bytes to its stderr, exactly (one write per chunk of lines).
const NOISY = `
const out = (s) => new Promise((r) => process.stdout.write(s, r));
const err = (s) => new Promise((r) => process.stderr.write(s, r));
(async () => {
  let text = '';
  for (let i = 1; i <= 20000; i++) text += 'step ' + i + ' loss 0.5\\n';
  await out(text);
  await err('warning 1\\n');
  await out('a line in ');
  await err('warn');
  await out('two writes\\n');
  await err('ing 2\\n');
  await out('x'.repeat(100000) + '\\n');
  await out('last line without LF');
})();
`;

let project: string;
let home: string;

beforeEach(async () => {
  project = await testdir({ 'gage.toml': '[noisy]\nexec = "node noisy.cjs"\n', 'noisy.cjs': NOISY });
  home = await testdir();
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

test('gage run echoes each stream of the run exactly, and -q nothing', async () => {
  let expected = '';
  for (let i = 1; i <= 20000; i++) expected += `step ${i} loss 0.5\n`;
  expected += `a line in two writes\n${'x'.repeat(100000)}\nlast line without LF`;
  const runs = join(home, 'runs');
  const r = await gage(['--runs', runs, 'run', '-y', 'noisy'], { cwd: project, home });
  expect(r.code).toBe(0);
  expect(r.stdout === expected).toBe(true);
  expect(r.stderr).toBe('warning 1\nwarning 2\n');
  const [meta] = (await readdir(runs)).filter((n) => n.endsWith('.meta'));
  const stored = await readFile(join(runs, meta as string, 'output', '40_run'), 'utf8');
  expect(stored.length).toBe(expected.length + 'warning 1\nwarning 2\n'.length);
  const quiet = await gage(['--runs', runs, 'run', '-y', '-q', 'noisy'], { cwd: project, home });
  expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
});

test("a slow reader of gage's stdout holds the run back instead of losing or piling up output", async () => {
  let expected = '';
  for (let i = 1; i <= 20000; i++) expected += `step ${i} loss 0.5\n`;
  expected += `a line in two writes\n${'x'.repeat(100000)}\nlast line without LF`;
  const child = spawn('node', [BIN, '--runs', join(home, 'runs'), 'run', '-y', 'noisy'], {
    cwd: project,
    env: gageEnv({ home }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  // Read nothing for a while: the pipe fills, gage's stdout buffers, the capture waits.
  await new Promise((resolve) => setTimeout(resolve, 500));
  child.stdout.on('data', (d: Buffer) => out.push(d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(Buffer.concat(out).toString() === expected).toBe(true);
  expect(err).toBe('warning 1\nwarning 2\n');
});

test('gage run with stdout to a file echoes into the file exactly', async () => {
  let expected = '';
  for (let i = 1; i <= 20000; i++) expected += `step ${i} loss 0.5\n`;
  expected += `a line in two writes\n${'x'.repeat(100000)}\nlast line without LF`;
  const path = join(home, 'echo.txt');
  const fd = openSync(path, 'w');
  let err = '';
  let code: unknown;
  try {
    const child = spawn('node', [BIN, '--runs', join(home, 'runs'), 'run', '-y', 'noisy'], {
      cwd: project,
      env: gageEnv({ home }),
      stdio: ['ignore', fd, 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    code = await new Promise((resolve) => child.on('close', resolve));
  } finally {
    closeSync(fd);
  }
  expect(code).toBe(0);
  expect((await readFile(path, 'utf8')) === expected).toBe(true);
  expect(err).toBe('warning 1\nwarning 2\n');
});

test('a reader that goes away (gage run | head): the run is still captured and finalized', async () => {
  const runs = join(home, 'runs');
  const child = spawn('node', [BIN, '--runs', runs, 'run', '-y', 'noisy'], {
    cwd: project,
    env: gageEnv({ home }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  // Like `head -1`: take the first chunk, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(err).toBe('warning 1\nwarning 2\n');
  const [meta] = (await readdir(runs)).filter((n) => n.endsWith('.meta'));
  expect(await readFile(join(runs, meta as string, 'proc', 'exit'), 'utf8')).toBe('0');
  // All of both streams is stored: the stdout bytes in order, and the two stderr lines somewhere among them (two
  // pipes read under load come in either order: the stderr lines may follow the last stdout line).
  let expected = '';
  for (let i = 1; i <= 20000; i++) expected += `step ${i} loss 0.5\n`;
  expected += `a line in two writes\n${'x'.repeat(100000)}\nlast line without LF`;
  const stored = await readFile(join(runs, meta as string, 'output', '40_run'), 'utf8');
  expect(stored.length).toBe(expected.length + 'warning 1\nwarning 2\n'.length);
  expect(stored.replace('warning 1\n', '').replace('warning 2\n', '') === expected).toBe(true);
  // And a listing piped into a reader that goes away ends quietly.
  const list = spawn('node', [BIN, '--runs', runs, 'runs'], { cwd: project, env: { PATH: process.env.PATH ?? '', HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'] });
  let listErr = '';
  list.stderr.on('data', (d: Buffer) => (listErr += d.toString()));
  list.stdout.destroy();
  expect(await new Promise((resolve) => list.on('close', resolve))).toBe(0);
  expect(listErr).toBe('');
});

test('gage run > log 2>&1 keeps the order in which the run wrote its two streams', async () => {
  const mixed =
    "const line = 'o'.repeat(1000) + '\\n'; for (let i = 1; i <= 3000; i++) { process.stdout.write(line); if (i % 100 === 0) process.stderr.write('err ' + i + '\\n'); }";
  await removeTree(project);
  project = await testdir({ 'gage.toml': '[mixed]\nexec = "node mixed.cjs"\n', 'mixed.cjs': mixed });
  const runs = join(home, 'runs');
  const path = join(home, 'both.txt');
  const fd = openSync(path, 'w');
  let code: unknown;
  try {
    const child = spawn('node', [BIN, '--runs', runs, 'run', '-y', 'mixed'], {
      cwd: project,
      env: gageEnv({ home }),
      stdio: ['ignore', fd, fd],
    });
    code = await new Promise((resolve) => child.on('close', resolve));
  } finally {
    closeSync(fd);
  }
  expect(code).toBe(0);
  const [meta] = (await readdir(runs)).filter((n) => n.endsWith('.meta'));
  const stored = await readFile(join(runs, meta as string, 'output', '40_run'), 'utf8');
  const echoed = await readFile(path, 'utf8');
  expect(echoed.length).toBe(stored.length);
  // The echo follows the order in which gage read the two pipes, which is the order stored.
  expect(echoed === stored).toBe(true);
});
