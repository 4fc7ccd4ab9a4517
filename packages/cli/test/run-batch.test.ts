// Batches (docs/spec/cli.md 5.1 Batches, decision 22): batch files, the batch prompt, --stage, a failing
// run, user attributes. Sweeps are in run-sweep.test.ts, --needed in run-needed.test.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

/** `add` prints x + y (config in add.json); `code` exits with its `code` flag. */
const ADD = {
  'gage.toml': '[add]\nexec = "node add.cjs"\nconfig = "add.json"\n\n[code]\nexec = ["node", "code.cjs"]\nconfig = "code.json"\n',
  'add.json': '{"x": 1, "y": 2}\n',
  'add.cjs': "const { x, y } = JSON.parse(require('fs').readFileSync('add.json', 'utf8'));\nconsole.log(`${x} + ${y} = ${x + y}`);\n",
  'code.json': '{"code": 0}\n',
  'code.cjs': "const { code } = JSON.parse(require('fs').readFileSync('code.json', 'utf8'));\nconsole.log(`exit ${code}`);\nprocess.exit(code);\n",
  'x.csv': 'x\n1\n2\n3\n',
  'y.csv': 'y\n4\n5\n',
  'xy.json': '[{"x": 10, "y": 1}, {"x": 20}]',
};

beforeEach(async () => {
  project = await testdir(ADD);
  home = await testdir();
  runs = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const run = (args: string[], input?: string) => gage(['--runs', runs, 'run', ...args], { cwd: project, home, input });

/** The runs as `list --json` shows them, in batch order (staged runs have no start time to sort by). */
async function listRuns(): Promise<Record<string, any>[]> {
  const r = await gage(['--runs', runs, 'list', '-a', '--json'], { cwd: project, home });
  expect(r.code).toBe(0);
  const order = (x: Record<string, any>) => `${x.userAttributes.batch ?? ''}`;
  const list = (JSON.parse(r.stdout) as Record<string, any>[]).reverse();
  // Within a batch by batch-index; batches in the order their first run was made (ids are not ordered: by name of dir mtime is not either).
  const firsts = new Map<string, number>();
  list.forEach((x, i) => firsts.set(order(x), Math.min(firsts.get(order(x)) ?? i, i)));
  return list.sort((a, b) =>
    (firsts.get(order(a)) as number) - (firsts.get(order(b)) as number) || (a.userAttributes['batch-index'] ?? 0) - (b.userAttributes['batch-index'] ?? 0)
  );
}

describe('batch files', () => {
  test('a CSV batch runs one run per row, in turn, their output streamed', async () => {
    expect(await run(['add', '-b', 'x.csv', '-y'])).toEqual({ code: 0, stdout: '1 + 2 = 3\n2 + 2 = 4\n3 + 2 = 5\n', stderr: '' });
    expect((await listRuns()).map((r) => [r.status, r.config])).toEqual([
      ['completed', { x: 1, y: 2 }],
      ['completed', { x: 2, y: 2 }],
      ['completed', { x: 3, y: 2 }],
    ]);
  });

  test('a JSON batch; a key a row leaves out keeps its default', async () => {
    expect(await run(['add', '--batch', 'xy.json', '-y'])).toEqual({ code: 0, stdout: '10 + 1 = 11\n20 + 2 = 22\n', stderr: '' });
  });

  test('several -b files multiply, the first varying slowest', async () => {
    const r = await run(['add', '-b', 'x.csv', '-b', 'y.csv', '-y']);
    expect(r.stdout).toBe('1 + 4 = 5\n1 + 5 = 6\n2 + 4 = 6\n2 + 5 = 7\n3 + 4 = 7\n3 + 5 = 8\n');
  });

  test('flags override the defaults and the batch rows', async () => {
    expect((await run(['add', '-b', 'y.csv', 'x=11', '-y'])).stdout).toBe('11 + 4 = 15\n11 + 5 = 16\n');
    expect((await run(['add', '-b', 'y.csv', 'y=22', '-y'])).stdout).toBe('1 + 22 = 23\n1 + 22 = 23\n');
  });

  test('--max-runs keeps the first N; 0 leaves nothing to run', async () => {
    expect((await run(['add', '-b', 'x.csv', '--max-runs', '1', '-y'])).stdout).toBe('1 + 2 = 3\n');
    expect((await run(['add', '-b', 'x.csv', '-m', '-1', '-y'])).stdout).toBe('1 + 2 = 3\n2 + 2 = 4\n3 + 2 = 5\n');
    expect(await run(['add', '-b', 'x.csv', '-b', 'y.csv', '--max-runs', '0', '-y'])).toEqual({ code: 1, stdout: '',
      stderr: 'gage: Nothing to run in x.csv, y.csv\n' });
    expect(await run(['add', '-b', 'x.csv', '-m', 'many', '-y'])).toMatchObject({ code: 2,
      stderr: expect.stringContaining("Error: Invalid value for '-m' / '--max-runs': 'many' is not a valid integer.") });
  });

  test('the CSV cells are typed like flag values and by the defaults (decision 17)', async () => {
    await writeFile(join(project, 'typed.csv'), "x,y\n1.5,'7'\n");
    // y's default is an integer: a quoted '7' is a string, which an integer default refuses.
    expect(await run(['add', '-b', 'typed.csv', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Invalid value ''7'' for flag y: expected an integer\n\nUse --force-flags to record it as a string anyway.\n",
    });
    expect(await entries(runs)).toEqual([]);
    expect((await run(['add', '-b', 'typed.csv', '--force-flags', '-y'])).stdout).toBe('1.5 + 7 = 1.57\n');
  });
});

describe('bad batch files: a clear error, exit 1, nothing made', () => {
  const cases: [string, string, string][] = [
    ['x.xyz', '', 'gage: Unsupported extension for batch file x.xyz\n\nA batch file is a .csv or a .json file.\n'],
    ['missing.csv', '', 'gage: Batch file missing.csv does not exist\n'],
    ['missing.json', '', 'gage: Batch file missing.json does not exist\n'],
    ['invalid.json', '[', 'gage: Cannot read batch file invalid.json: Expecting value: line 1 column 2 (char 1)\n'],
    ['object.json', '{"x": 1}', 'gage: Expected an array of objects in object.json\n\nIt holds an object.\n'],
    ['items.json', '[{"x": 1}, 5]', 'gage: Expected an array of objects in items.json\n\nItem 2 is a number.\n'],
    ['dup.csv', 'x,y,x\n1,2,3\n', "gage: Cannot read batch file dup.csv: line 1: column 'x' is named twice (columns 1 and 3)\n"],
    ['ragged.csv', 'x,y\n1,2\n3\n', 'gage: Cannot read batch file ragged.csv: line 3 has 1 value, the header has 2 columns\n'],
    ['quote.csv', 'x\n"1\n', 'gage: Cannot read batch file quote.csv: line 2: a quoted value is not closed\n'],
    ['unknown.csv', 'z\n1\n', "gage: Unknown flag 'z' for operation add\nDid you mean 'x', 'y'?\n\nUse --force-flags to record it anyway.\n"],
  ];
  test.each(cases)('%s', async (file, text, stderr) => {
    if (text) await writeFile(join(project, file), text);
    expect(await run(['add', '-b', file, '-y'])).toEqual({ code: 1, stdout: '', stderr });
    expect(await run(['add', '-b', file, '--preview'])).toEqual({ code: 1, stdout: '', stderr });
    expect(await entries(runs)).toEqual([]);
  });

  test('a batch row that fails in any trial fails the whole batch before anything is staged', async () => {
    await writeFile(join(project, 'late.csv'), 'x\n1\n2\nabc\n');
    expect(await run(['add', '-b', 'late.csv', '-y'])).toMatchObject({ code: 1, stdout: '',
      stderr: expect.stringContaining("Invalid value 'abc' for flag x: expected an integer") });
    expect(await entries(runs)).toEqual([]);
  });

  test('a path relative to -C is read from there', async () => {
    const r = await gage(['-C', project, '--runs', runs, 'run', 'add', '-b', 'y.csv', '-y'], { cwd: home, home });
    expect(r.stdout).toBe('1 + 4 = 5\n1 + 5 = 6\n');
  });
});

describe('the batch prompt, --stage, user attributes', () => {
  test('one prompt for the whole batch; no stages nothing', async () => {
    const r = await run(['add', '-b', 'x.csv', '-b', 'y.csv'], 'n\n');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'You are about to run add in a batch of 6 (defined in x.csv, y.csv)\n\nContinue? (Y/n) \n' });
    expect(await entries(runs)).toEqual([]);
    const yes = await run(['add', '-b', 'y.csv'], 'y\n');
    expect(yes).toEqual({ code: 0, stdout: '1 + 4 = 5\n1 + 5 = 6\n',
      stderr: 'You are about to run add in a batch of 2 (defined in y.csv)\n\nContinue? (Y/n) \n' });
  });

  test('--stage stages them all and says how to list and start them; each run carries batch and batch-index', async () => {
    const r = await run(['add', '-b', 'x.csv', '--stage', '-l', 'sweep one'], 'y\n');
    expect(r).toEqual({
      code: 0,
      stdout: "Staged 3 runs\n\nTo list them, run 'gage runs --where staged'\nTo start one, run 'gage run --start <run>'\n",
      stderr: 'You are about to stage add in a batch of 3 (defined in x.csv)\n\nContinue? (Y/n) \n',
    });
    const list = await listRuns();
    expect(list.map((x) => x.status)).toEqual(['staged', 'staged', 'staged']);
    const batch = list[0]?.userAttributes.batch as string;
    expect(batch).toMatch(/^[0-9a-f]{32}$/);
    expect(list.map((x) => x.userAttributes)).toEqual([1, 2, 3].map((i) => ({ batch, 'batch-index': i, label: 'sweep one' })));
    expect(list.map((x) => x.label)).toEqual(['sweep one', 'sweep one', 'sweep one']);
    // An ordinary staged run: started on its own.
    const second = list[1]?.name as string;
    expect(await run(['--start', second, '-y'])).toEqual({ code: 0, stdout: '2 + 2 = 4\n', stderr: '' });
    // show names the batch attributes; another batch gets another id.
    const show = await gage(['--runs', runs, 'show', second], { cwd: project, home });
    expect(show.stdout).toContain(`| batch        ${batch}`);
    expect(show.stdout).toContain('| batch-index  2 ');
    expect((await run(['add', '-b', 'y.csv', '--stage', '-y'])).stdout).toMatch(/^Staged 2 runs\n/);
    const again = await listRuns();
    expect(again[3]?.userAttributes.batch).not.toBe(batch);
  });

  test('--stage of a batch of one says 1 run', async () => {
    expect((await run(['add', '-b', 'x.csv', '-m', '1', '--stage', '-y'])).stdout).toMatch(/^Staged 1 run\n\n/);
  });

  test('all runs are staged before any starts', async () => {
    // Each run lists the runs dir: every run of the batch is there (staged) when the first one runs.
    // A run's dir is in the runs dir: `..` from the run's working directory.
    await writeFile(join(project, 'add.cjs'), "const fs = require('fs');\nconsole.log(fs.readdirSync('..').filter((n) => n.endsWith('.meta')).length);\n");
    const r = await run(['add', '-b', 'x.csv', '-y']);
    expect(r.stdout).toBe('3\n3\n3\n');
  });
});

describe('a failing run ends the batch', () => {
  test('the rest stay staged; the messages of docs/spec/cli.md 5.1; gage exits with the run code', async () => {
    await writeFile(join(project, 'codes.csv'), 'code\n0\n3\n0\n');
    const r = await run(['code', '-b', 'codes.csv', '-y']);
    const list = await listRuns();
    const failed = list[1]?.name as string;
    expect(r).toEqual({ code: 3, stdout: 'exit 0\nexit 3\n',
      stderr: `\nRun ${failed} exited with an error (3)\nTry 'gage show ${failed}' for run details.\n` });
    expect(list.map((x) => [x.status, x.config.code])).toEqual([['completed', 0], ['error', 3], ['staged', 0]]);
  });

  test('a run killed by a signal: 128 + N', async () => {
    await writeFile(join(project, 'code.cjs'), "process.kill(process.pid, 'SIGKILL');\n");
    const r = await run(['code', 'code=[1,2]', '-y']);
    expect(r.code).toBe(137);
    expect(r.stderr).toMatch(/^\nRun \S+ exited with an error \(137\)\nTry 'gage show \S+' for run details\.\n$/);
    expect((await listRuns()).map((x) => x.status)).toEqual(['terminated', 'staged']);
  });
});

describe('the record equals what was applied', () => {
  test("every run's config.json is what its patched file reads", async () => {
    await run(['add', '-b', 'x.csv', '-b', 'xy.json', 'y=[7,8]', '-y']);
    const list = await listRuns();
    expect(list).toHaveLength(12);
    for (const r of list) {
      const file = JSON.parse(await readFile(join(r.runDir, 'add.json'), 'utf8'));
      expect(file).toEqual(r.config);
    }
    expect(list.map((r) => `${r.config.x}+${r.config.y}`)).toEqual(
      ['10+7', '10+8', '20+7', '20+8', '10+7', '10+8', '20+7', '20+8', '10+7', '10+8', '20+7', '20+8'],
    );
  });
});
