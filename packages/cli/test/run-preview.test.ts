import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { GREET, gage } from './_helpers.js';

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

const DEFAULT_PATTERNS = [
  '**/* text size<100000 max-matches=500',
  '-**/.* dir',
  '-**/* dir sentinel=bin/activate',
  '-**/* dir sentinel=.nocopy',
  '-summary.json',
];

describe('gage run --preview', () => {
  test('prints the Flags panel, then the Source Code panel with the patterns and matched files tables; makes no run', async () => {
    const r = await run(['--preview', 'name=Ada']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: '                                     Flags\n' +
        '| name | type | default | value |\n' +
        '|------|------|---------|-------|\n' +
        '| name | str  | World   | Ada   |\n' +
        '\n' +
        '                                  Source Code\n' +
        '| patterns                              |\n' +
        '|---------------------------------------|\n' +
        '| **/* text size<100000 max-matches=500 |\n' +
        '| -**/.* dir                            |\n' +
        '| -**/* dir sentinel=bin/activate       |\n' +
        '| -**/* dir sentinel=.nocopy            |\n' +
        '| -summary.json                         |\n' +
        '\n' +
        '| matched files |\n' +
        '|---------------|\n' +
        '| config.json   |\n' +
        '| gage.toml     |\n' +
        '| hello.cjs     |\n',
    });
    expect(await entries(runs)).toEqual([]);
  });

  test('lists files a size limit leaves out, and warns once', async () => {
    await writeFile(join(project, 'data.csv'), 'x'.repeat(150_000));
    const r = await run(['--preview']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n\| not copied \|     size \| limit \|\n\|-+\|-+\|-+\|\n\| data\.csv   \| 150\.0 kB \| size  \|\n$/);
    expect(r.stderr).toBe(
      'WARNING: 1 file not copied (source code size or count limit): data.csv (150.0 kB); to copy it, add a "sourcecode" pattern for it or list it under "depends"\n',
    );
    const j = await run(['--preview', '--json']);
    expect(JSON.parse(j.stdout).sourcecode.skipped).toEqual([{ path: 'data.csv', reason: 'size-limit', size: 150_000 }]);
    expect(j.stdout).toContain('"size": 150000\n');
  });

  test('--json prints {"sourcecode": {src_dir, patterns, paths}} and nothing else', async () => {
    const r = await run(['hello', 'name=Ada', '--preview', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = {
      flags: { name: { type: 'str', default: 'World', value: 'Ada' } },
      sourcecode: { src_dir: realpathSync(project), patterns: DEFAULT_PATTERNS, paths: ['config.json', 'gage.toml', 'hello.cjs'], skipped: [] },
    };
    expect(r.stdout).toBe(JSON.stringify(doc, null, 2) + '\n');
    expect(await entries(runs)).toEqual([]);
  });

  test('no patterns show <none>; the runs dir inside the project is never matched', async () => {
    await writeFile(join(project, 'gage.toml'), '[hello]\nexec = "node hello.cjs"\nsourcecode = false\n');
    const r = await gage(['run', '--preview'], { cwd: project, home });
    expect(r.stdout).toBe(
      '                                  Source Code\n| patterns |\n|----------|\n| <none>   |\n\n| matched files |\n|---------------|\n',
    );
    await writeFile(join(project, 'gage.toml'), '[hello]\nexec = "node hello.cjs"\nsourcecode = ["*.cjs", ".gage/**/*"]\n');
    await mkdir(join(project, '.gage', 'runs'), { recursive: true });
    await writeFile(join(project, '.gage', 'runs', 'x.txt'), 'x\n');
    const j = await gage(['run', '--preview', '--json'], { cwd: project, home });
    expect(JSON.parse(j.stdout)).toEqual({ flags: {},
      sourcecode: { src_dir: realpathSync(project), patterns: ['*.cjs', '.gage/**/*'], paths: ['hello.cjs'], skipped: [] } });
    expect(await entries(join(project, '.gage', 'runs'))).toEqual(['x.txt']);
  });

  test('a config-file warning is printed once, for a preview and for a run', async () => {
    await writeFile(join(project, 'gage.toml'), '[hello]\nexec = "node hello.cjs"\nconfig = ["config.json", "notes.txt"]\n');
    await writeFile(join(project, 'notes.txt'), 'x\n');
    const warning = 'WARNING: Unsupported file type for config file "notes.txt"\n';
    const preview = await run(['--preview', '--json']);
    expect(preview.code).toBe(0);
    expect(preview.stderr).toBe(warning);
    expect(await run(['-y'])).toEqual({ code: 0, stdout: 'Hello World\n', stderr: warning });
  });

  test('--json needs --preview; --preview and --start are incompatible', async () => {
    expect(await run(['--json', '-y'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: '--json' can only be used with '--preview'\n\nTry 'gage run -h' for help.\n" });
    expect(await run(['--start', '1', '--preview'])).toEqual({ code: 1, stdout: '',
      stderr: "start and preview cannot be used together.\n\nTry 'gage run -h' for help.\n" });
  });
});

describe('gage run: values a config file cannot hold', () => {
  test('fail before any run is made, naming file and key', async () => {
    await writeFile(join(project, 'config.json'), '{"name": "World", "scale": 1.5}\n');
    const r = await run(['scale=inf', '-y']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'gage: Cannot write configuration: "config.json": scale: cannot write inf to a JSON file (JSON has no infinity or NaN)\n\n' +
        'Use a value the file format can hold, or leave that flag out.\n',
    });
    expect(await entries(runs)).toEqual([]);
  });

  test('fail before the prompt, with --stage, and with --preview', async () => {
    await writeFile(join(project, 'gage.toml'), '[hello]\nexec = "node hello.cjs"\nconfig = "train.toml"\n');
    await writeFile(join(project, 'train.toml'), 'lr = 0.1\n');
    const expected = 'gage: Cannot write configuration: "train.toml": lr: cannot write null to a TOML file (TOML has no null)\n';
    for (const args of [['lr=null'], ['lr=null', '--stage', '-y'], ['lr=null', '--preview', '--json']]) {
      const r = await run(args, 'y\n');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0] + '\n').toBe(expected);
    }
    expect(await entries(runs)).toEqual([]);
  });
});
