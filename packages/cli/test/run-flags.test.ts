// Flags are checked, typed by their defaults and written where the record says (issue 11, decisions 14-17).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

const TRAIN = {
  'gage.toml': '[train]\nexec = "node -e 0"\nconfig = ["train.py", "params.yaml", "conf.json"]\n',
  'train.py': 'lr = 0.1\nepochs = 5\nname = "mlp"\namp = False\n__proto__ = 0\n',
  'params.yaml': 'optimizer:\n  lr: 0.05  # step size\n  momentum: 0.9\nsizes: [1, 2, 3]\n',
  'conf.json': '{"data": {"path": "x", "shuffle": true}}\n',
};

beforeEach(async () => {
  project = await testdir(TRAIN);
  home = await testdir();
  runs = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const run = (args: string[], input?: string) => gage(['--runs', runs, 'run', 'train', ...args], { cwd: project, home, input });

async function onlyRunDir(): Promise<string> {
  const ids = (await readdir(runs)).filter((n) => !n.includes('.'));
  expect(ids).toHaveLength(1);
  return join(runs, ids[0] as string);
}

const readRun = async (path: string) => readFile(join(await onlyRunDir(), path), 'utf8');
const readMeta = async (path: string) => readFile(`${await onlyRunDir()}.meta/${path}`, 'utf8');

describe('unknown flags (decision 15)', () => {
  test('fail before anything is made, with suggestions and the --force-flags hint; for run, --stage and --preview', async () => {
    const expected = {
      code: 1,
      stdout: '',
      stderr: "gage: Unknown flag 'ephocs' for operation train\nDid you mean 'epochs'?\n\nUse --force-flags to record it anyway.\n",
    };
    expect(await run(['ephocs=5', '-y'])).toEqual(expected);
    expect(await run(['ephocs=5', '--stage', '-y'])).toEqual(expected);
    expect(await run(['ephocs=5', '--preview', '--json'])).toEqual(expected);
    expect(await run(['ephocs=5'], 'y\n')).toEqual(expected); // before the prompt
    expect(await entries(runs)).toEqual([]);
  });

  test('a nested name that crosses a list, or names a table, says what is there', async () => {
    const r = await run(['sizes.5=1', 'optimizer=2', '-y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "gage: Unknown flag 'sizes.5' for operation train\n'sizes' is a list of 3 items (sizes.0 to sizes.2)\n" +
        "Did you mean 'sizes.0', 'sizes.1', 'sizes.2'?\n" +
        "Unknown flag 'optimizer' for operation train\nDid you mean 'optimizer.lr', 'optimizer.momentum'?\n\n" +
        'Use --force-flags to record them anyway.\n',
    );
    expect(await entries(runs)).toEqual([]);
  });

  test('--force-flags records the value in config.json and patches no file', async () => {
    const r = await run(['ephocs=7', '--force-flags', '-y']);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readMeta('config.json'))).toMatchObject({ ephocs: 7, epochs: 5 });
    expect(await readRun('train.py')).toBe(TRAIN['train.py']);
    expect(await readRun('params.yaml')).toBe(TRAIN['params.yaml']);
  });
});

describe('nested keys of structured files (decision 16)', () => {
  test('optimizer.lr is patched into params.yaml (comment kept) and recorded', async () => {
    const r = await run(['optimizer.lr=0.2', 'sizes.1=20', 'data.shuffle=no', '-y']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await readRun('params.yaml')).toBe('optimizer:\n  lr: 0.2  # step size\n  momentum: 0.9\nsizes: [1, 20, 3]\n');
    expect(await readRun('conf.json')).toBe('{"data": {"path": "x", "shuffle": false}}\n');
    expect(JSON.parse(await readMeta('config.json'))).toMatchObject({ 'optimizer.lr': 0.2, 'sizes.1': 20, 'data.shuffle': false });
  });

  test('--help-op lists nested flags with their types and defaults', async () => {
    const r = await run(['--help-op']);
    expect(r.stdout).toContain('| optimizer.momentum | float | 0.9     |\n');
    expect(r.stdout).toContain('| data.shuffle       | bool  | true    |\n');
    expect(r.stdout).toContain('| sizes.2            | int   | 3       |\n');
  });
});

describe('values take the default type (decision 17)', () => {
  test('lr=1 writes the float 1.0 into train.py and config.json; show prints 1.0', async () => {
    expect((await run(['lr=1', 'name=123', 'amp=on', '-y'])).code).toBe(0);
    expect(await readRun('train.py')).toBe('lr = 1.0\nepochs = 5\nname = "123"\namp = True\n__proto__ = 0\n');
    const config = await readMeta('config.json');
    expect(config).toContain('"lr": 1.0,');
    expect(config).toContain('"name": "123"');
    const show = await gage(['--runs', runs, 'show', '-c'], { cwd: project, home });
    expect(show.stdout).toMatch(/\| lr +\| 1\.0 +\|/);
    const json = await gage(['--runs', runs, 'show', '--json'], { cwd: project, home });
    expect(json.stdout).toContain('"lr": 1.0');
  });

  test('a word for a float default is refused; --force-flags writes it as a string', async () => {
    expect(await run(['lr=abc', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Invalid value 'abc' for flag lr: expected a float\n\nUse --force-flags to record it as a string anyway.\n",
    });
    expect(await entries(runs)).toEqual([]);
    expect((await run(['lr=abc', '--force-flags', '-y'])).code).toBe(0);
    expect(await readRun('train.py')).toContain("lr = 'abc'\n");
    expect(JSON.parse(await readMeta('config.json')).lr).toBe('abc');
  });
});

describe('the flag name __proto__', () => {
  test('is an ordinary flag: patched, recorded and shown', async () => {
    expect((await run(['__proto__=1', '-y'])).code).toBe(0);
    expect(await readRun('train.py')).toContain('__proto__ = 1\n');
    expect(await readMeta('config.json')).toContain('"__proto__": 1');
    const show = await gage(['--runs', runs, 'show', '-c'], { cwd: project, home });
    expect(show.stdout).toMatch(/\| __proto__ +\| 1 +\|/);
  });

  test('is refused when the operation does not define it', async () => {
    await writeFile(join(project, 'train.py'), 'lr = 0.1\n');
    const r = await run(['__proto__=1', '-y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gage: Unknown flag '__proto__' for operation train\n/);
  });
});

describe('files left out by the source code limits', () => {
  test('gage run prints one warning naming them; the runner log records each', async () => {
    await writeFile(join(project, 'data.csv'), 'x'.repeat(765_000));
    const r = await run(['-y']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'WARNING: 1 file not copied (source code size or count limit): data.csv (765.0 kB); to copy it, add a "sourcecode" pattern for it or list it under "depends"\n',
    );
    expect(await readMeta('log/runner')).toMatch(/ Source code skipped \(size-limit, 765000 bytes\): data\.csv\n/);
  });
});

describe('the runs list describes a run by the flags that changed a default (decision 25)', () => {
  test('sys/flags.json names them; the description shows the label, then those flags', async () => {
    expect((await run(['lr=0.2', 'epochs=5', '-l', 'tuned', '-y'])).code).toBe(0);
    expect(JSON.parse(await readMeta('sys/flags.json'))).toEqual(['lr']); // epochs=5 is the default
    const ls = await gage(['--runs', runs, 'list'], { cwd: project, home });
    expect(ls.stdout).toMatch(/\| tuned lr=0\.2 +\|\n$/);
  });
});
