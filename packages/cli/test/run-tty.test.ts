import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { BIN, GREET, gage, gageEnv } from './_helpers.js';

// A real terminal for the built bin: util-linux `script` gives it a pseudo-terminal (stdout and stderr).
let project: string;
let home: string;
let runs: string;

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

/** Runs `gage args` on a pseudo-terminal; what the terminal showed. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const command = ['node', BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...gageEnv({ home }), SHELL: '/bin/sh', TERM: 'xterm', ...env },
  });
  if (r.error) throw new Error(`cannot run 'script' (${r.error.message}): apt-get install bsdutils`);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('gage run on a terminal', () => {
  test('ends with the run name as one dim line', async () => {
    const shown = onTerminal(['--runs', runs, 'run', '-y', 'hello'], { FORCE_COLOR: '1' });
    const name = (await gage(['--runs', runs, 'select', '--name'], { cwd: project, home })).stdout.trim();
    expect(shown).toContain('Hello World\r\n');
    expect(shown.endsWith(`\x1b[2mRun ${name}\x1b[22m\r\n`)).toBe(true);
    const plain = onTerminal(['--runs', runs, 'run', '-y', '-q', 'hello'], { NO_COLOR: '1' });
    const second = (await gage(['--runs', runs, 'select', '--name'], { cwd: project, home })).stdout.trim();
    expect(plain).toBe(`Run ${second}\r\n`); // -q: no output, no spinner; NO_COLOR: not dim
  });

  test('nothing on a pipe', async () => {
    const r = await gage(['--runs', runs, 'run', '-y', 'hello'], { cwd: project, home });
    expect(r).toEqual({ code: 0, stdout: 'Hello World\n', stderr: '' });
  });
});
