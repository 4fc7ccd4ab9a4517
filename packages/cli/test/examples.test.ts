import { spawnSync } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

let project: string;
let home: string;

async function copyExample(name: string): Promise<void> {
  await cp(join(EXAMPLES, name), project, { recursive: true });
}

async function projectFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await entries(project)) if (name !== '.gage') out[name] = await readFile(join(project, name), 'utf8');
  return out;
}

beforeEach(async () => {
  project = await testdir();
  home = await testdir();
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[]) => gage(args, { cwd: project, home });

describe('examples/hello', () => {
  test('run hello with two flags, then cat the patched copy', async () => {
    await copyExample('hello');
    const before = await projectFiles();
    expect(await g(['run', 'hello', 'name=Ada', 'times=2', '-y'])).toEqual({ code: 0, stdout: 'Hello Ada\nHello Ada\n', stderr: '' });
    const hello = await g(['cat', '-p', 'hello.py']);
    expect(hello.code).toBe(0);
    expect(hello.stdout).toContain('\nname = "Ada"\ntimes = 2\n');
    expect(hello.stdout).toBe(before['hello.py']?.replace('name = "World"\ntimes = 1\n', 'name = "Ada"\ntimes = 2\n'));
    expect(await projectFiles()).toEqual(before);
    expect((await g(['list', '-0'])).stdout.split('\n')[2]).toBe(`| 1 | hello     | completed | name=Ada times=2${' '.repeat(32)} |`);
  });

  test('fail exits 3', async () => {
    await copyExample('hello');
    expect(await g(['run', 'fail', '-y'])).toEqual({ code: 3, stdout: '', stderr: '' });
  });
});

describe('examples/config', () => {
  test('one run patches the .py, .json, .toml and .yaml config files of the run only', async () => {
    await copyExample('config');
    const before = await projectFiles();
    const r = await g(['run', 'train', 'epochs=2', 'lr=0.1', 'schedule=linear', 'model=cnn', '-y']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'model=cnn layers=2\nepochs=2 batch_size=32\nlr=0.1 momentum=0.9\nschedule=linear warmup=1\n' +
        'epoch 1: loss=0.1000\nepoch 2: loss=0.0500\n',
    });
    const cat = async (path: string) => (await g(['cat', '-p', path])).stdout;
    expect(await cat('params.py')).toBe((before['params.py'] as string).replace('model = "mlp"', 'model = "cnn"'));
    expect(await cat('train.json')).toBe((before['train.json'] as string).replace('"epochs": 3', '"epochs": 2'));
    expect(await cat('train.toml')).toBe((before['train.toml'] as string).replace('lr = 0.01 ', 'lr = 0.1 '));
    expect(await cat('train.yaml')).toBe((before['train.yaml'] as string).replace('schedule: cosine', 'schedule: linear'));
    const patched = await g(['cat', '--meta', '-p', 'log/patched']);
    expect(patched.stdout).toBe(
      '--- params.py\n+++ params.py\n@@ -1,3 +1,3 @@\n # Model shape\n-model = "mlp"\n+model = "cnn"\n layers = 2\n' +
        '--- train.json\n+++ train.json\n@@ -1,4 +1,4 @@\n {\n-  "epochs": 3,\n+  "epochs": 2,\n   "batch_size": 32\n }\n' +
        '--- train.toml\n+++ train.toml\n@@ -1,3 +1,3 @@\n # Optimizer settings\n-lr = 0.01      # learning rate\n+lr = 0.1      # learning rate\n momentum = 0.9\n' +
        '--- train.yaml\n+++ train.yaml\n@@ -1,3 +1,3 @@\n # Learning-rate schedule\n-schedule: cosine\n+schedule: linear\n warmup: 1\n',
    );
    expect(await projectFiles()).toEqual(before);
    const show = await g(['show']);
    const config = show.stdout.split('\n\n').find((p) => p.trimStart().startsWith('Config\n'));
    expect(config).toBe(
      [
        '                                     Config',
        '| batch_size  32                                                               |',
        '| epochs      2                                                                |',
        '| layers      2                                                                |',
        '| lr          0.1                                                              |',
        '| model       cnn                                                              |',
        '| momentum    0.9                                                              |',
        '| schedule    linear                                                           |',
        '| warmup      1                                                                |',
      ].join('\n'),
    );
  });
});

describe('examples/notebook', () => {
  // Runs Jupyter for real: Debian's jupyter-nbconvert and python3-ipykernel, which tools/setup-system.sh
  // installs. Without them this test fails, never skips.
  beforeAll(() => {
    const kernel = spawnSync('/usr/bin/python3', ['-c', 'import ipykernel, nbconvert']);
    if (spawnSync('jupyter', ['nbconvert', '--version']).status !== 0 || kernel.status !== 0) {
      throw new Error('Jupyter is not installed: run tools/setup-system.sh, or as root: apt-get install -y jupyter-nbconvert python3-ipykernel');
    }
  });

  test("a run executes the patched copy of the notebook with Jupyter; outputs, scalars and the executed notebook are the run's", async () => {
    await copyExample('notebook');
    const before = await projectFiles();
    expect((await g(['run', '--help-op'])).stdout).toContain('| epochs | int   | 3       |\n| lr     | float | 0.1     |\n| model  | str   | mlp     |\n');
    const r = await g(['run', 'train', 'lr=0.2', 'epochs=2', 'model=cnn', '-y']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('model=cnn\n    step 1 loss 0.0677\n    step 2 loss 0.0092');
    const patched = (before['train.ipynb'] as string)
      .replace('"lr = 0.1\\n"', '"lr = 0.2\\n"')
      .replace('"epochs = 3\\n"', '"epochs = 2\\n"')
      .replace('"model = \\"mlp\\""', '"model = \\"cnn\\""');
    expect((await g(['cat', '-p', 'train.ipynb'])).stdout).toBe(patched);
    const executed = JSON.parse((await g(['cat', '-p', 'executed.ipynb'])).stdout) as { cells: { outputs?: { text?: string[] }[] }[] };
    expect(executed.cells.flatMap((c) => c.outputs ?? []).flatMap((o) => o.text ?? [])).toContain('step 2 loss 0.0092\n');
    expect((await g(['show', '--files'])).stdout).toMatch(/^\| executed\.ipynb +\| generated +\|/m);
    expect((await g(['show', '--summary'])).stdout).toMatch(/^\| loss +\| 0\.0092 +\| metric +\|$/m);
    expect(await projectFiles()).toEqual(before);
  });
});
