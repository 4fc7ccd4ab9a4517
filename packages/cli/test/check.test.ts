import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { GREET, gage, gageBin } from './_helpers.js';

let project: string;
let home: string;

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage check', () => {
  test('prints a header-less info table (the built bin: its version)', async () => {
    const r = await gageBin(['check'], { cwd: project, home });
    expect(r.code).toBe(0);
    const keys = r.stdout.trimEnd().split('\n').map((l) => l.split('|')[1]?.trim());
    expect(keys).toEqual(['gage_version', 'gage_install_location', 'node_version', 'node_exe', 'platform']);
    expect(r.stdout).toMatch(/^\| gage_version +\| \d+\.\d+\.\d+ +\|$/m);
  });

  test('-v adds directories; --json prints one object', async () => {
    const r = await gage(['check', '-v', '--json'], { cwd: project, home, env: { GAGE_RUNS: `${home}/runs` } });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as Record<string, string>;
    expect(Object.keys(info)).toEqual([
      'gage_version',
      'gage_install_location',
      'node_version',
      'node_exe',
      'platform',
      'command_directory',
      'project_directory',
      'gagefile',
      'runs_directory',
    ]);
    expect(info.project_directory).toBe(project);
    expect(info.gagefile).toBe(`${project}/gage.toml`);
    expect(info.runs_directory).toBe(`${home}/runs`);
  });

  test('-v without a project shows <none>', async () => {
    const r = await gage(['check', '-v'], { cwd: home, home });
    expect(r.stdout).toMatch(/^\| project_directory +\| <none> +\|$/m);
    expect(r.stdout).toMatch(/^\| gagefile +\| <none> +\|$/m);
    expect(r.stdout).toContain(`| runs_directory        | ${home}/.gage/runs`);
  });

  test('validates a directory', async () => {
    expect(await gage(['check', '.'], { cwd: project, home })).toEqual({ code: 0, stdout: '', stderr: './gage.toml is a valid Gage file\n' });
  });

  test('validates a file', async () => {
    expect((await gage(['check', 'gage.toml'], { cwd: project, home })).stderr).toBe('gage.toml is a valid Gage file\n');
  });

  test('a missing path', async () => {
    expect(await gage(['check', 'nope.toml'], { cwd: project, home })).toEqual({ code: 1, stdout: '', stderr: 'gage: File "nope.toml" does not exist\n' });
  });

  test('a directory without a Gage file', async () => {
    const r = await gage(['check', home], { cwd: project, home });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `gage: Cannot find a Gage file in ${home}\n\nLooking for one of:\n  .gage/gage.toml\n  .gage/gage.yaml\n  .gage/gage.json\n  gage.toml\n  gage.yaml\n  gage.json\n\nFor help with Gage files try 'gage help gagefile'\n`,
    );
  });

  test('a file that does not parse', async () => {
    const dir = await testdir({ 'gage.json': '' });
    try {
      const r = await gage(['check', 'gage.json'], { cwd: dir, home });
      expect(r).toEqual({ code: 1, stdout: '', stderr: 'gage: Error loading gage.json: Expecting value: line 1 column 1 (char 0)\n' });
    } finally {
      await removeTree(dir);
    }
  });

  test('schema errors are listed without prefix', async () => {
    const dir = await testdir({ 'gage.json': '{"op": {"output-summary": 123}}' });
    try {
      const r = await gage(['check', 'gage.json'], { cwd: dir, home });
      expect(r.code).toBe(1);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe('There are errors in gage.json');
      expect(lines).toContain("Properties ['output-summary'] are invalid");
    } finally {
      await removeTree(dir);
    }
  });
});
