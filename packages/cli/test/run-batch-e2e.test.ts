// End to end against the built bin (dist/gage.js): a batch file and a sweep, the prompt answered on a
// real stdin, a failing trial ending the batch with the rest staged (docs/spec/cli.md 5.1 Batches).
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { BIN, gageBin, gageEnv } from './_helpers.js';

let project: string;
let home: string;

beforeEach(async () => {
  project = await testdir({
    'gage.toml': '[div]\nexec = "node div.cjs"\nconfig = "div.json"\n',
    'div.json': '{"a": 1, "b": 1}\n',
    'div.cjs':
      "const { a, b } = JSON.parse(require('fs').readFileSync('div.json', 'utf8'));\nif (b === 0) { console.error('division by zero'); process.exit(4); }\nconsole.log(`${a} / ${b} = ${a / b}`);\n",
    'a.csv': 'a\n6\n8\n',
  });
  home = await testdir();
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

test('gage run -b a.csv b=[2,0,1]: prompt, runs in turn, the failing trial ends the batch', async () => {
  const r = await gageBin(['run', 'div', '-b', 'a.csv', 'b=[2,0,1]'], { cwd: project, home, input: 'y\n' });
  expect(r.stdout).toBe('6 / 2 = 3\n');
  const list = JSON.parse((await gageBin(['runs', '-a', '--json'], { cwd: project, home })).stdout) as { name: string; status: string;
    config: { a: number; b: number }; userAttributes: Record<string, unknown> }[];
  list.sort((x, y) => (x.userAttributes['batch-index'] as number) - (y.userAttributes['batch-index'] as number));
  expect(list.map((x) => [x.config.a, x.config.b, x.status])).toEqual([
    [6, 2, 'completed'],
    [6, 0, 'error'],
    [6, 1, 'staged'],
    [8, 2, 'staged'],
    [8, 0, 'staged'],
    [8, 1, 'staged'],
  ]);
  const failed = list[1]?.name as string;
  expect(r.stderr).toBe(
    'You are about to run div in a batch of 6 (a grid of a.csv, b)\n\nContinue? (Y/n) \n' +
      `division by zero\n\nRun ${failed} exited with an error (4)\nTry 'gage show ${failed}' for run details.\n`,
  );
  expect(r.code).toBe(4);
  // The rest are ordinary staged runs.
  const next = list[2]?.name as string;
  expect(await gageBin(['run', '--start', next, '-y'], { cwd: project, home })).toEqual({ code: 0, stdout: '6 / 1 = 6\n', stderr: '' });
});

test('Ctrl-C during a batch stops the running trial (terminated), starts no other, exits 130', async () => {
  await writeFile(join(project, 'div.cjs'),
    "const { a } = JSON.parse(require('fs').readFileSync('div.json', 'utf8'));\nconsole.log(`start ${a}`);\nsetTimeout(() => {}, a * 1000);\n");
  const child = spawn('node', [BIN, 'run', 'div', 'a=[0,60,0]', '-y'], { cwd: project, env: gageEnv({ home }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let done = false;
  void closed.then(() => (done = true));
  await waitFor(() => done || stdout.includes('start 60'));
  child.kill('SIGINT');
  expect(await closed).toBe(130);
  expect(stdout).toBe('start 0\nstart 60\n');
  expect(stderr).toBe('Aborted.\n');
  const list = JSON.parse((await gageBin(['runs', '-a', '--json'], { cwd: project, home })).stdout) as { status: string; exitCode: number | null;
    userAttributes: Record<string, number> }[];
  list.sort((x, y) => (x.userAttributes['batch-index'] as number) - (y.userAttributes['batch-index'] as number));
  expect(list.map((x) => [x.status, x.exitCode])).toEqual([['completed', 0], ['terminated', -2], ['staged', null]]);
});
