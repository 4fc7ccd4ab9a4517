import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let runs: string;

const g = (args: string[]) => gage(['--runs', runs, ...args], { cwd: project, home });

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
  await makeGreetRun(runs, project, { op: 'hello', name: 'Bob', label: 'second try' });
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage select', () => {
  test('prints the id of the latest run, or a property', async () => {
    const latest = JSON.parse((await g(['list', '--json'])).stdout)[0] as Record<string, string>;
    expect(await g(['select'])).toEqual({ code: 0, stdout: `${latest.id}\n`, stderr: '' });
    expect((await g(['select', '--name'])).stdout).toBe(`${latest.name}\n`);
    expect((await g(['select', '--run-dir'])).stdout).toBe(`${join(runs, latest.id as string)}\n`);
    expect((await g(['select', '--meta-dir'])).stdout).toBe(`${join(runs, `${latest.id}.meta`)}\n`);
    expect((await g(['select', '--label'])).stdout).toBe('second try\n');
    expect((await g(['select', '--label', '2'])).stdout).toBe('\n');
    expect((await g(['select', '--project-dir'])).stdout).toBe(`${realpathSync(project)}\n`);
    expect((await g(['select', '--name', '1', '2'])).stdout.split('\n').length).toBe(3);
  });

  test('a slice and --all print one line per run, in list order (for xargs)', async () => {
    const ids = JSON.parse((await g(['list', '--json'])).stdout) as { id: string; name: string }[];
    const lines = (values: string[]) => values.map((v) => `${v}\n`).join('');
    expect(await g(['select', ':'])).toEqual({ code: 0, stdout: lines(ids.map((r) => r.id)), stderr: '' });
    expect(await g(['select', '--all'])).toEqual({ code: 0, stdout: lines(ids.map((r) => r.id)), stderr: '' });
    expect((await g(['select', '-a', '--name'])).stdout).toBe(lines(ids.map((r) => r.name)));
    expect((await g(['select', '-a', '--label'])).stdout).toBe('second try\n\n');
    expect((await g(['select', '-a', '-w', 'second'])).stdout).toBe(lines([ids[0]?.id as string]));
    expect((await g(['select', '2', '-1:'])).stdout).toBe(lines([ids[1]?.id as string, ids[1]?.id as string]));
    expect((await g(['select', '--all', '-w', 'nothing-matches'])).stdout).toBe('');
    expect(await g(['select', '-a', '1'])).toEqual({ code: 1, stdout: '',
      stderr: "all and runs cannot be used together.\n\nTry 'gage select -h' for help.\n" });
  });

  test('--json prints the selected runs in list order', async () => {
    const r = await g(['select', '--json', '2', '1']);
    const data = JSON.parse(r.stdout) as { index: number }[];
    expect(data.map((d) => d.index)).toEqual([1, 2]);
  });

  test('errors: no match, ambiguous, no runs', async () => {
    expect(await g(['select', 'zzz'])).toEqual({ code: 1, stdout: '', stderr: "gage: No runs match 'zzz'\n\nUse 'gage list' to show available runs.\n" });
    // A one-run command with a spec that matches several (select prints each run of a slice, below).
    expect(await g(['show', ':'])).toEqual({ code: 1, stdout: '', stderr: "gage: ':' matches 2 runs\n\nUse an index or a longer ID or name.\n" });
    expect(await g(['select', '5:9'])).toEqual({ code: 1, stdout: '', stderr: "gage: No runs match '5:9'\n\nUse 'gage list' to show available runs.\n" });
    const empty = await gage(['--runs', join(home, 'none'), 'select'], { cwd: project, home });
    expect(empty).toEqual({ code: 1, stdout: '', stderr: "gage: No runs found\n\nUse 'gage list' to show available runs.\n" });
  });
});

describe('gage show', () => {
  test('the full view has header, Attributes, Config, Files and Output panels', async () => {
    const r = await g(['show']);
    expect(r.code).toBe(0);
    const id = (await g(['select'])).stdout.trim();
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(' '.repeat(Math.floor((80 - id.length) / 2)) + id);
    expect(lines[1]).toMatch(/^\| \S+:hello +completed \|$/);
    expect(lines[1]?.length).toBe(80);
    expect(lines[2]).toBe(`| ${'second try'.padEnd(76)} |`);
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe(' '.repeat(35) + 'Attributes');
    expect(lines[5]).toBe(`| ${`id         ${id}`.padEnd(76)} |`);
    expect(r.stdout).toContain(`| ${'location   ~/runs'.padEnd(76)} |`);
    expect(r.stdout).toContain(`| ${`project    ${realpathSync(project)}`.padEnd(76)} |`);
    expect(r.stdout).toContain(`| ${'exit_code  0'.padEnd(76)} |`);
    expect(r.stdout).toContain(`${' '.repeat(37)}Config\n| ${'name  Bob'.padEnd(76)} |\n`);
    expect(r.stdout).toMatch(/\n {37}Files\n\| name +\| type +\| +size \|\n/);
    expect(r.stdout).toMatch(/\| hello\.cjs +\| source code \| +\d+ B \|/);
    expect(r.stdout).toMatch(/\n \d+ files, total \d+ B\n/);
    expect(r.stdout.endsWith(`${' '.repeat(37)}Output\n| ${'Hello Bob'.padEnd(76)} |\n`)).toBe(true);
  });

  test('--config, --output, --files', async () => {
    expect((await g(['show', '--config', '2'])).stdout).toBe('| name | Ada |\n');
    expect((await g(['show', '-o'])).stdout).toBe('Hello Bob\n');
    const files = await g(['show', '-f', '-0']);
    expect(files.stdout.split('\n')[0]).toMatch(/^\| name +\| type +\|$/);
    expect(files.stdout).toMatch(/\| hello\.cjs +\| source code \|/);
  });

  test('--json is the list object plus metaDir, files, provenance and comments', async () => {
    const r = await g(['show', '--json']);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(data).slice(-4)).toEqual(['metaDir', 'files', 'provenance', 'comments']);
    expect(data.comments).toEqual([]);
    expect(data.files).toEqual(expect.arrayContaining([{ path: 'hello.cjs', type: 'source code', size: expect.any(Number) }]));
  });

  test('incompatible options and bad specs', async () => {
    expect(await g(['show', '-o', '-c'])).toEqual({ code: 1, stdout: '',
      stderr: "output and config cannot be used together.\n\nTry 'gage show -h' for help.\n" });
    expect((await g(['show', 'zzz'])).stderr).toBe("gage: No runs match 'zzz'\n\nUse 'gage list' to show available runs.\n");
    expect((await g(['show', '1', '2'])).code).toBe(2);
  });
});

describe('gage cat', () => {
  test('writes a run file', async () => {
    expect(await g(['cat', '-p', 'config.json'])).toEqual({ code: 0, stdout: '{"name": "Bob"}\n', stderr: '' });
    expect((await g(['cat', '-p', 'config.json', '2'])).stdout).toBe('{"name": "Ada"}\n');
  });

  test('--meta reads the meta dir', async () => {
    expect((await g(['cat', '--meta', '-p', 'proc/exit'])).stdout).toBe('0');
  });

  test('errors', async () => {
    expect((await g(['cat'])).stderr).toBe("gage: Specify the file to print using '--path'. Use 'gage show --files' to show available files.\n");
    expect((await g(['cat', '2'])).stderr).toBe("gage: Specify the file to print using '--path'. Use 'gage show 2 --files' to show available files.\n");
    const dir = (await g(['select', '--run-dir'])).stdout.trim();
    expect(await g(['cat', '-p', 'nope'])).toEqual({ code: 1, stdout: '', stderr: `gage: cannot open "${dir}/nope": no such file\n` });
    expect((await g(['cat', '-p', '.'])).stderr).toBe(`gage: cannot open "${dir}": not a file\n`);
  });
});
