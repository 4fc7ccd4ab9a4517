import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let runs: string;

const g = (args: string[], input?: string) => gage(['--runs', runs, ...args], { cwd: project, home, input });

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  await makeGreetRun(runs, project, { op: 'hello', name: 'World' });
  await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
  await makeGreetRun(runs, project, { op: 'hello', name: 'Bob', label: 'second try' });
  await makeGreetRun(runs, project, { op: 'fail' });
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage list', () => {
  test('prints the runs table newest first', async () => {
    const r = await g(['ls']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^\| # \| name  \| operation \| started +\| status    \| description +\|$/);
    for (const l of lines.slice(0, 6)) expect(l.length).toBe(80);
    expect(lines[2]).toMatch(/^\| 1 \| \w{5} \| fail      \| (now|\d+ seconds ago|a second ago) *\| error     \| +\|$/);
    expect(lines[3]).toMatch(/\| 2 \| \w{5} \| hello +\| .* \| completed \| second try name=Bob +\|$/);
    expect(lines[4]).toMatch(/\| 3 \| .* \| name=Ada +\|$/);
    expect(lines[5]).toMatch(/\| 4 \| .* \| name=World +\|$/);
    expect(lines.slice(6)).toEqual(['']);
    expect(r.stderr).toBe('');
  });

  test('-0 uses the simplified columns', async () => {
    const r = await g(['list', '-0']);
    expect(r.stdout.split('\n')[0]).toBe(`| # | operation | status    | ${'description'.padEnd(48)} |`);
    expect(r.stdout.split('\n')[3]).toBe(`| 2 | hello     | completed | ${'second try name=Bob'.padEnd(48)} |`);
  });

  test('columns follow the width', async () => {
    const narrow = await gage(['--runs', runs, 'list'], { cwd: project, home, env: { COLUMNS: '28' } });
    expect(narrow.stdout.split('\n')[0]).toBe('| # | name  |');
    const mid = await gage(['--runs', runs, 'list'], { cwd: project, home, env: { COLUMNS: '40' } });
    expect(mid.stdout.split('\n')[0]).toBe('| # | name  | operation |');
    const wide = await gage(['--runs', runs, 'list'], { cwd: project, home, env: { COLUMNS: '50' } });
    expect(wide.stdout.split('\n')[0]).toMatch(/^\| # \| name  \| operation \| started +\| status    \|$/);
  });

  test('-n limits and prints the caption; -m adds pages; -a shows all', async () => {
    const r = await g(['runs', '-0', '-n', '1']);
    expect(r.stdout.split('\n').length).toBe(3 + 1 + 2);
    expect(r.stdout.endsWith('\n Showing 1 of 4 runs (use -m to show more)\n')).toBe(true);
    const m = await g(['runs', '-0', '-n', '1', '-mm']);
    expect(m.stdout.endsWith('\n Showing 3 of 4 runs (use -mmm to show more)\n')).toBe(true);
    const a = await g(['runs', '-0', '-a']);
    expect(a.stdout).not.toContain('Showing');
  });

  test('-a with -n is an incompatible-options error', async () => {
    expect(await g(['list', '-n', '2', '-a'])).toEqual({ code: 1, stdout: '',
      stderr: "limit and all cannot be used together.\n\nTry 'gage list -h' for help.\n" });
  });

  test('-w filters by operation, status or label', async () => {
    const byOp = await g(['list', '-0', '-w', 'fail']);
    expect(byOp.stdout.split('\n').length).toBe(4);
    const byStatus = await g(['list', '-0', '-w', 'completed']);
    expect(byStatus.stdout.split('\n').length).toBe(6);
    const byLabel = await g(['list', '-0', '-w', 'second']);
    expect(byLabel.stdout.split('\n')[2]).toMatch(/^\| 1 \| hello +\| completed \| second try name=Bob/);
  });

  test('run specs select by index, slice and prefix', async () => {
    const r = await g(['list', '-0', '2', '-1:']);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toMatch(/^\| 2 \| hello/);
    expect(lines[3]).toMatch(/^\| 4 \| hello .* name=World/);
    expect(lines.slice(4)).toEqual(['', ' Showing 2 of 4 runs', '']);
    const slice = await g(['list', '-0', '2:3']);
    expect(slice.stdout.split('\n').slice(4)).toEqual(['', ' Showing 2 of 4 runs', '']);
  });

  test('run specs that pick every run of the list: no caption', async () => {
    const r = await g(['list', '-0', ':']);
    expect(r.stdout.split('\n').length).toBe(7);
    expect(r.stdout).not.toContain('Showing');
  });

  test('run specs with -n: the caption counts the whole list, without the -m hint', async () => {
    const r = await g(['list', '-0', '-n', '1', '1:3']);
    expect(r.stdout.split('\n').slice(3)).toEqual(['', ' Showing 1 of 4 runs', '']);
  });

  test('-w: the caption counts the filtered list', async () => {
    const r = await g(['list', '-0', '-n', '1', '-w', 'hello']);
    expect(r.stdout.split('\n').slice(3)).toEqual(['', ' Showing 1 of 3 runs (use -m to show more)', '']);
  });

  test('--json prints the runs as objects', async () => {
    const r = await g(['list', '--json', '-n', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith(']\n')).toBe(true);
    const data = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(data.length).toBe(2);
    expect(Object.keys(data[0] as object)).toEqual([
      'index',
      'id',
      'name',
      'operation',
      'namespace',
      'version',
      'status',
      'label',
      'userAttributes',
      'started',
      'stopped',
      'exitCode',
      'config',
      'summary',
      'runDir',
      'projectDir',
    ]);
    expect(data[0]).toMatchObject({ index: 1, operation: 'fail', status: 'error', exitCode: 3, label: null, version: null, config: {} });
    expect(data[1]).toMatchObject({ index: 2, operation: 'hello', label: 'second try', config: { name: 'Bob' }, summary: { attributes: {}, metrics: {} } });
    // All user attributes (decision 22), the label among them.
    expect(data[1]?.userAttributes).toEqual({ label: 'second try' });
    expect(data[0]?.userAttributes).toEqual({});
    expect(r.stdout).toContain('\n    "index": 2,\n');
  });

  test('-d lists the trash (empty)', async () => {
    const r = await g(['list', '-d', '-0']);
    expect(r.stdout).toBe(`| # | operation | status | ${'description'.padEnd(51)} |\n|---|-----------|--------|${'-'.repeat(53)}|\n`);
  });

  test('-A with an unknown archive', async () => {
    expect(await g(['list', '-A', 'x'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: archive 'x' does not exist\n\nUse 'gage archive --list' to show available archives.\n" });
  });

  test('a missing runs dir lists nothing', async () => {
    const r = await gage(['--runs', join(home, 'none'), 'list', '-0'], { cwd: project, home });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBe(3);
  });

  test('GAGE_RUNS selects the runs dir; unknown options are usage errors', async () => {
    const r = await gage(['list', '-0'], { cwd: home, home, env: { GAGE_RUNS: runs } });
    expect(r.stdout.split('\n').length).toBe(7);
    expect(r.stdout).toMatch(/\| \S+:fail /);
    const bad = await g(['ls', '--bogus']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: "Usage: gage ls [options] [run]...\nTry 'gage ls -h' for help.\n\nError: No such option: --bogus\n" });
  });
});
