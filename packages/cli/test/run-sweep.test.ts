// Sweeps (decision 23): grids and random searches through the checked flags of issue 11, --max-runs,
// --random-seed, the 10,000-trial limit, and --preview of a batch or sweep.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

const TRAIN = {
  'gage.toml': '[train]\nexec = "node -e 0"\nconfig = ["train.py", "params.yaml"]\n',
  'train.py': 'lr = 0.1\nepochs = 5\nname = "mlp"\namp = False\n',
  'params.yaml': 'optimizer:\n  momentum: 0.9  # keep\n',
  'b.csv': 'epochs\n1\n2\n',
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

/** The runs, in batch order. */
async function listRuns(): Promise<Record<string, any>[]> {
  const r = await gage(['--runs', runs, 'list', '-a', '--json'], { cwd: project, home });
  return (JSON.parse(r.stdout) as Record<string, any>[]).sort((a, b) => a.userAttributes['batch-index'] - b.userAttributes['batch-index']);
}

describe('grid sweeps', () => {
  test("lr=[0.1,0.01] makes two runs; each run's file and config.json say the same (decision 14)", async () => {
    // The user's first try of issue 15: the list was written into train.py as a string.
    const r = await run(['lr=[0.2,0.01]', 'epochs=range[1:2]', '-y']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const list = await listRuns();
    expect(list.map((x) => [x.config.lr, x.config.epochs])).toEqual([[0.2, 1], [0.2, 2], [0.01, 1], [0.01, 2]]);
    for (const x of list) {
      const py = await readFile(join(x.runDir, 'train.py'), 'utf8');
      expect(py).toBe(`lr = ${x.config.lr}\nepochs = ${x.config.epochs}\nname = "mlp"\namp = False\n`);
      const meta = await readFile(join(`${x.runDir}.meta`, 'config.json'), 'utf8');
      expect(meta).toContain(`"lr": ${x.config.lr}`);
    }
  });

  test('values take the default type: a range of integers for a float default records floats', async () => {
    await run(['lr=range[1:2]', 'amp=[yes,off]', 'name=[1.50,x]', '--stage', '-y']);
    const list = await listRuns();
    const metas = await Promise.all(list.map((x) => readFile(join(`${x.runDir}.meta`, 'config.json'), 'utf8')));
    expect(metas.map((m) => /"lr": ([^,\n]+)/.exec(m)?.[1])).toEqual(['1.0', '1.0', '1.0', '1.0', '2.0', '2.0', '2.0', '2.0']);
    expect(list.map((x) => [x.config.amp, x.config.name])).toEqual([
      [true, '1.50'],
      [true, 'x'],
      [false, '1.50'],
      [false, 'x'],
      [true, '1.50'],
      [true, 'x'],
      [false, '1.50'],
      [false, 'x'],
    ]);
  });

  test('a value a default cannot take fails every trial before anything is staged; --force-flags records it', async () => {
    expect(await run(['epochs=[1,many]', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Invalid value 'many' for flag epochs: expected an integer\n\nUse --force-flags to record it as a string anyway.\n",
    });
    expect(await run(['ephocs=[1,2]', '-y'])).toMatchObject({ code: 1,
      stderr: expect.stringContaining("gage: Unknown flag 'ephocs' for operation train\nDid you mean 'epochs'?") });
    expect(await entries(runs)).toEqual([]);
    expect((await run(['epochs=[1,many]', '--force-flags', '-y'])).code).toBe(0);
    expect((await listRuns()).map((x) => x.config.epochs)).toEqual([1, 'many']);
  });

  test('nested keys sweep too (decision 16)', async () => {
    expect((await run(['optimizer.momentum=[0.5,0.99]', '-y'])).code).toBe(0);
    const list = await listRuns();
    expect(await readFile(join(list[1]?.runDir, 'params.yaml'), 'utf8')).toBe('optimizer:\n  momentum: 0.99  # keep\n');
  });

  test('a quoted value that looks like a sweep is a literal: name="\'[x]\'"', async () => {
    // The shell passes name="'[x]'" as name='[x]'.
    expect(await run(["name='[x]'", '-y'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const [only] = await listRuns();
    expect(only?.config.name).toBe('[x]');
    expect(await readFile(join(only?.runDir, 'train.py'), 'utf8')).toContain('name = "[x]"\n');
    expect(await run(["name='[a,b]'", '--stage', '-y'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Run "\S+" is staged/) });
  });

  test('a sweep that does not parse says how to quote a literal', async () => {
    expect(await run(['lr=linspce[0:1:3]', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "gage: Invalid sweep lr=linspce[0:1:3]: unknown sweep function 'linspce' (known: [a,b,...], range, linspace, logspace, uniform, loguniform, randint, choice)\n\n" +
        `To use the value as it is, quote it: lr="'linspce[0:1:3]'"\n`,
    });
  });

  test('batch files and sweeps multiply; the prompt says what the batch is', async () => {
    const r = await run(['-b', 'b.csv', 'lr=[0.1,0.2]'], 'n\n');
    expect(r.stderr).toBe('You are about to run train in a batch of 4 (a grid of b.csv, lr)\n\nContinue? (Y/n) \n');
  });
});

describe('the 10,000-trial limit and --max-runs', () => {
  test('more than 10,000 trials without --max-runs is refused with the count; nothing is made', async () => {
    expect(await run(['lr=linspace[0:1:101]', 'epochs=range[1:100]', 'name=[a,b]', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'gage: Batch of 20,200 trials is larger than 10,000\n\nUse --max-runs N to run the first N of them (--max-runs -1 for all).\n',
    });
    expect(await entries(runs)).toEqual([]);
  });

  test('--max-runs N keeps the first N of a large grid', async () => {
    expect((await run(['lr=linspace[0:1:101]', 'epochs=range[1:100]', 'name=[a,b]', '-m', '3', '--stage', '-y'])).stdout).toMatch(/^Staged 3 runs/);
    expect((await listRuns()).map((x) => [x.config.lr, x.config.epochs, x.config.name])).toEqual([[0, 1, 'a'], [0, 1, 'b'], [0, 2, 'a']]);
  });

  test('--max-runs and --random-seed need a batch or a sweep of their kind', async () => {
    expect(await run(['-m', '2', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "gage: '--max-runs' can only be used with a batch or a sweep\n\nGive a batch file (-b FILE) or a flag value in sweep syntax, such as lr=[0.1,0.01].\n",
    });
    expect(await run(['lr=[1,2]', '--random-seed', '1', '-y'])).toMatchObject({ code: 1,
      stderr: expect.stringMatching(/^gage: '--random-seed' can only be used with a random sweep\n/) });
    expect(await run(['lr=uniform[0:1]', '--random-seed', '-1', '-y'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Error: Invalid value for '--random-seed': '-1' is not a valid seed (a whole number, 0 or more)."),
    });
    expect(await run(['lr=[1,2]', '-m', '0', '-y'])).toEqual({ code: 1, stdout: '', stderr: 'gage: Nothing to run: --max-runs is 0\n' });
    expect(await run(['--start', 'x', '-b', 'b.csv'])).toEqual({ code: 1, stdout: '',
      stderr: "start and batch cannot be used together.\n\nTry 'gage run -h' for help.\n" });
    expect(await entries(runs)).toEqual([]);
  });
});

describe('random search', () => {
  test('20 trials by default; the seed is recorded on every run; the same seed draws the same trials', async () => {
    const preview = async (seed: string) =>
      JSON.parse((await run(['lr=loguniform[1e-4:1e-1]', 'epochs=randint[1:9]', '--random-seed', seed, '--preview', '--json'])).stdout);
    const a = await preview('42');
    expect(a.trials).toMatchObject({ search: 'random', count: 20, seed: 42, sweeps: ['lr', 'epochs'] });
    expect((await preview('42')).trials.configs).toEqual(a.trials.configs);
    expect((await preview('43')).trials.configs).not.toEqual(a.trials.configs);
    expect(await run(['lr=loguniform[1e-4:1e-1]', 'epochs=randint[1:9]', '--random-seed', '42', '-m', '3', '-y'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const list = await listRuns();
    expect(list.map((x) => x.config)).toEqual(a.trials.configs.slice(0, 3));
    for (const x of list) expect(x.userAttributes['random-seed']).toBe(42);
  });

  test('without --random-seed a seed is made, shown in the prompt and recorded', async () => {
    const r = await run(['lr=uniform[0:1]', '-m', '2'], 'y\n');
    const seed = Number(/seed (\d+)\)/.exec(r.stderr)?.[1]);
    expect(r.stderr).toBe(`You are about to run train in a batch of 2 (a random search of lr, seed ${seed})\n\nContinue? (Y/n) \n`);
    const list = await listRuns();
    expect(list.map((x) => x.userAttributes['random-seed'])).toEqual([seed, seed]);
    const again = JSON.parse((await run(['lr=uniform[0:1]', '-m', '2', '--random-seed', String(seed), '--preview', '--json'])).stdout);
    expect(again.trials.configs).toEqual(list.map((x) => x.config));
  });

  test('a negative --max-runs has no end for a random search', async () => {
    expect(await run(['lr=uniform[0:1]', '-m', '-1', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'gage: A random sweep needs a number of trials: got --max-runs -1\n\nUse --max-runs N with N of 0 or more (default 20).\n',
    });
  });
});

describe('--preview of a batch or sweep', () => {
  test('lists the trials, then the source code; nothing is made', async () => {
    const r = await run(['-b', 'b.csv', 'lr=[0.1,0.01]', 'name=x', '--preview']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ +Trials\n\| 4 trials \(a grid of b\.csv, lr\) +\|\n\| # \| epochs \| lr {3}\| name \|\n\|---\|--------\|------\|------\|\n\| 1 \| 1 {6}\| 0\.1 {2}\| x {4}\|\n\| 2 \| 1 {6}\| 0\.01 \| x {4}\|\n\| 3 \| 2 .*\n\| 4 \| 2 .*\n\n +Source Code\n/,
    );
    expect(r.stdout).toContain('| train.py ');
    expect(await entries(runs)).toEqual([]);
  });

  test('--json: the trial configs and the source code', async () => {
    const r = await run(['-b', 'b.csv', 'lr=[0.1,0.01]', '-m', '3', '--preview', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['trials', 'sourcecode']);
    expect(doc.trials).toEqual({
      search: 'grid',
      count: 3,
      total: 4,
      seed: null,
      files: ['b.csv'],
      sweeps: ['lr'],
      configs: [
        { lr: 0.1, epochs: 1, name: 'mlp', amp: false, 'optimizer.momentum': 0.9 },
        { lr: 0.01, epochs: 1, name: 'mlp', amp: false, 'optimizer.momentum': 0.9 },
        { lr: 0.1, epochs: 2, name: 'mlp', amp: false, 'optimizer.momentum': 0.9 },
      ],
    });
    expect(r.stdout).toContain('"lr": 0.1,'); // a float stays a float
    expect(doc.sourcecode.paths).toContain('train.py');
  });

  test('a batch preview says when only the first N of a grid are shown', async () => {
    expect((await run(['lr=[1,2,3]', '-m', '2', '--preview'])).stdout).toContain('| 2 trials (a grid of lr) (the first 2 of 3)');
  });
});
