// --needed (docs/spec/cli.md 5.1): skip a run, or the rows of a batch, when a comparable run exists.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { GREET, gage } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

beforeEach(async () => {
  project = await testdir({ ...GREET, 'names.json': '[{"name": "Cat"}, {"name": "Dog"}]' });
  home = await testdir();
  runs = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const run = (args: string[], cwd = project) => gage(['--runs', runs, 'run', ...args], { cwd, home });
const runCount = async () => (await entries(runs)).filter((n) => n.endsWith('.meta')).length;
const latestName = async () => (await gage(['--runs', runs, 'select', '--name'], { cwd: project, home })).stdout.trim();
const skipped = (name: string) => ({ code: 5, stdout: '',
  stderr: `Run skipped because a comparable run exists (${name})\n\nFor details, run 'gage show ${name}'\n` });

describe('--needed for one run', () => {
  test('skips when a run with the same operation and config exists: exit 5, the messages of docs/spec/cli.md 5.1', async () => {
    expect(await run(['hello', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello World\n', stderr: '' });
    const first = await latestName();
    expect(await run(['hello', '--needed', '-y'])).toEqual(skipped(first));
    expect(await run(['hello', 'name=World', '--needed', '--stage', '-y'])).toEqual(skipped(first));
    expect(await runCount()).toBe(1);
  });

  test('another config runs; the newest comparable run is named', async () => {
    await run(['hello', 'name=Ada', '-y']);
    await run(['hello', 'name=Ada', '-y']);
    const newest = await latestName();
    expect(await run(['hello', 'name=Bob', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello Bob\n', stderr: '' });
    expect(await run(['hello', 'name=Ada', '--needed', '-y'])).toEqual(skipped(newest));
  });

  test('a run with status error does not count; a staged one does', async () => {
    expect((await run(['fail', '-y'])).code).toBe(3);
    expect((await run(['fail', '--needed', '-y'])).code).toBe(3);
    expect(await runCount()).toBe(2);
    expect((await run(['hello', 'name=Eve', '--stage', '-y'])).code).toBe(0);
    const staged = await latestName();
    expect(await run(['hello', 'name=Eve', '--needed', '-y'])).toEqual(skipped(staged));
  });

  test('asks first, then looks (the prompt shows the config as for any run)', async () => {
    await run(['hello', '-y']);
    const r = await gage(['--runs', runs, 'run', 'hello', '--needed'], { cwd: project, home, input: 'y\n' });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^You are about to run hello\n\n name  World\n\nContinue\? \(Y\/n\) \nRun skipped because a comparable run exists/);
  });

  test('runs of another project (namespace) in the same runs dir do not count', async () => {
    const other = await testdir(GREET);
    try {
      await run(['hello', '-y'], other);
      expect(await run(['hello', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello World\n', stderr: '' });
      expect((await run(['hello', '--needed', '-y'], other)).code).toBe(5);
    } finally {
      await removeTree(other);
    }
  });
});

describe('--needed with a batch', () => {
  test('rows with a comparable run are skipped and counted; all skipped: exit 5', async () => {
    expect(await run(['hello', '-b', 'names.json', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello Cat\nHello Dog\n', stderr: '' });
    expect(await run(['hello', '-b', 'names.json', '--needed', '-y'])).toEqual({ code: 5, stdout: '',
      stderr: 'Skipped 2 runs because comparable runs exist\n' });
    expect(await run(['hello', '-b', 'names.json', '--needed', '--stage', '-y'])).toEqual({ code: 5, stdout: '',
      stderr: 'Skipped 2 runs because comparable runs exist\n' });
    expect(await runCount()).toBe(2);
  });

  test('some skipped: the others run, exit 0', async () => {
    await run(['hello', 'name=Dog', '-y']);
    expect(await run(['hello', '-b', 'names.json', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello Cat\n',
      stderr: 'Skipped 1 run because a comparable run exists\n' });
  });

  test('two equal rows of one batch run once', async () => {
    await writeFile(join(project, 'twice.csv'), 'name\nAda\nAda\nBob\n');
    expect(await run(['hello', '-b', 'twice.csv', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello Ada\nHello Bob\n',
      stderr: 'Skipped 1 run because a comparable run exists\n' });
    // Without --needed both run.
    expect((await run(['hello', '-b', 'twice.csv', '-y'])).stdout).toBe('Hello Ada\nHello Ada\nHello Bob\n');
  });

  test('a sweep with --needed', async () => {
    await run(['hello', 'name=Bob', '-y']);
    expect(await run(['hello', 'name=[Ada,Bob]', '--needed', '-y'])).toEqual({ code: 0, stdout: 'Hello Ada\n',
      stderr: 'Skipped 1 run because a comparable run exists\n' });
  });
});
