import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { lockRun } from '@gage/meta';
import { makeGreetRun } from './_fixture-runs.js';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { GREET, GREET_OPS, gage } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const run = (args: string[], input?: string) => gage(['--runs', runs, 'run', ...args], { cwd: project, home, input });

async function metaFile(id: string, path: string): Promise<string> {
  return readFile(join(runs, `${id}.meta`, path), 'utf8');
}

async function onlyRunId(): Promise<string> {
  const ids = (await entries(runs)).filter((n) => n.endsWith('.meta')).map((n) => n.slice(0, -5));
  expect(ids.length).toBe(1);
  return ids[0] as string;
}

describe('gage run', () => {
  test('--stage with --start is an incompatible-options error', async () => {
    expect(await run(['--stage', '--start', 'x'])).toEqual({ code: 1, stdout: '',
      stderr: "stage and start cannot be used together.\n\nTry 'gage run -h' for help.\n" });
  });

  test('--start of an unknown run', async () => {
    const r = await run(['--start', 'zzz']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: "gage: No runs match 'zzz'\n\nUse 'gage list' to show available runs.\n" });
  });

  test('an unknown operation lists the operations', async () => {
    const r = await run(['hi', '-y']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `Cannot find operation 'hi'\n\nOperations defined for this project:\n\n${GREET_OPS}` });
  });

  test('no default operation', async () => {
    await removeTree(project);
    project = await testdir({ 'gage.json': JSON.stringify({ a: { exec: 'true' }, b: { exec: 'true' } }) });
    const r = await run(['-y']);
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith('Cannot find a default operation\n\nOperations defined for this project:\n\n| operation |')).toBe(true);
  });

  test('an operation without exec', async () => {
    await removeTree(project);
    project = await testdir({ 'gage.json': JSON.stringify({ op: {} }) });
    const r = await run(['-y']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `gage: Operation op defined in "gage.json" is missing an exec command\n\nRun 'gage help exec' for more information.\n`,
    });
    const fromParent = await gage(['-C', basename(project), 'run', '-y'], { cwd: dirname(project), home });
    expect(fromParent.stderr).toBe(
      `gage: Operation op defined in "${join(basename(project), 'gage.json')}" is missing an exec command\n\nRun 'gage help exec' for more information.\n`,
    );
  });

  test('bad flag assignments', async () => {
    expect((await run(['hello', 'name', '-y'])).stderr).toBe("gage: Invalid flag assignment: expected NAME=VALUE, got 'name'\n");
    const r = await run(['hello', 'a b=1', '-y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("gage: Invalid flag assignment: Unexpected token: 'b'\n");
  });

  test('no project: No operations defined', async () => {
    const r = await gage(['--runs', runs, 'run', '-y'], { cwd: home, home });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'gage: No operations defined for the current directory\n' });
  });

  test('--start runs a staged run, echoing its output after the confirmation', async () => {
    const staged = await makeGreetRun(runs, project, { op: 'hello', name: 'Cy', staged: true });
    const r = await run(['--start', staged.name.slice(0, 5)], 'y\n');
    expect(r).toEqual({ code: 0, stdout: 'Hello Cy\n', stderr: `You are about to start hello (${staged.name})\n\n name  Cy\n\nContinue? (Y/n) \n` });
    expect(await metaFile(staged.id, 'proc/exit')).toBe('0');
    expect(await metaFile(staged.id, 'output/40_run')).toBe('Hello Cy\n');
    expect(await entries(runs)).toEqual([staged.id, `${staged.id}.meta`, `${staged.id}.project`]);
  });

  test('--start exits with the code of a failing run; -q echoes nothing', async () => {
    const staged = await makeGreetRun(runs, project, { op: 'fail', staged: true });
    expect(await run(['--start', staged.id, '-y', '-q'])).toEqual({ code: 3, stdout: '', stderr: '' });
    expect(await metaFile(staged.id, 'proc/exit')).toBe('3');
  });

  test('--start of a run that is not staged', async () => {
    const done = await makeGreetRun(runs, project, { op: 'hello' });
    const r = await run(['--start', done.name, '-y']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `gage: Run "${done.id}" is 'completed'\n\nOnly staged runs can be started with '--start'.\n` });
  });

  test('--start of a run whose lock another process holds changes nothing', async () => {
    const staged = await makeGreetRun(runs, project, { op: 'hello', staged: true });
    const lock = await lockRun(staged);
    try {
      const r = await run(['--start', staged.id, '-y']);
      expect(r).toEqual({ code: 1, stdout: '', stderr: `gage: Run "${staged.id}" is in use by another process\n` });
      expect(await entries(join(runs, `${staged.id}.meta`))).not.toContain('started');
    } finally {
      await lock.release();
    }
  });

  test('declining --start changes nothing', async () => {
    const staged = await makeGreetRun(runs, project, { op: 'hello', staged: true });
    expect((await run(['--start', staged.id], 'n\n')).code).toBe(0);
    expect(await entries(join(runs, `${staged.id}.meta`))).not.toContain('started');
  });
});
