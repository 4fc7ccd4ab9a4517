// -w/--where takes the filter language (decision 21) on every command that selects runs.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

let project: string;
let home: string;

beforeAll(async () => {
  project = await testdir({
    'gage.toml': '[train]\nexec = "node t.cjs"\nconfig = "c.json"\n\n[eval]\nexec = "node -e 0"\n',
    'c.json': '{"lr": 0.1, "epochs": 5, "opt": "adam"}\n',
    't.cjs': 'const c = JSON.parse(require("fs").readFileSync("c.json", "utf8")); console.log(`loss: ${c.lr * 2}`);\n',
  });
  home = await testdir();
  for (const args of [['train', 'lr=0.1'], ['train', 'lr=0.01', 'epochs=10', '-l', 'best try'], ['eval']]) {
    expect((await g(['run', ...args, '-y', '-q'])).code).toBe(0);
  }
}, 60_000);

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[]) => gage(['--runs', join(home, 'runs'), ...args], { cwd: project, home });
const names = async (where: string) =>
  JSON.parse((await g(['list', '--json', '-w', where])).stdout).map((r: { config: { lr?: number } }) => r.config.lr ?? null);

describe('gage list -w', () => {
  test.each([
    ['lr=0.1', [0.1]],
    ['lr < 0.05', [0.01]],
    ['epochs >= 10 and opt == adam', [0.01]],
    ['loss > 0.1', [0.1]],
    ['metric:loss <= 0.02', [0.01]],
    ['operation == eval', [null]],
    ['status in [completed error] and operation != eval', [0.01, 0.1]],
    ['started >= (today)', [null, 0.01, 0.1]],
    ['time >= 0 and stopped <= (now) and lr > 0', [0.01, 0.1]],
    ['time > 1h', []],
    ['best', [0.01]],
    ['label =~ "^best"', [0.01]],
  ])('%j', async (where, lrs) => {
    expect(await names(where)).toEqual(lrs);
  });

  test('a bad expression names its problem and position, exit 1, and changes nothing', async () => {
    expect(await g(['list', '-w', 'lr >'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Cannot use where expression 'lr >': expected a value at the end (at position 5)\n\n" +
        `Examples: -w 'lr > 0.01', -w 'status in [completed error]', -w 'started >= (today)', -w 'operation =~ "^train"'.\n`,
    });
    expect((await g(['list', '-w', 'name > 3'])).stderr).toMatch(/^gage: Cannot use where expression 'name > 3': column 'name' holds text/);
  });

  test('-w works for the other commands that select runs', async () => {
    expect((await g(['select', '-w', 'lr < 0.05'])).code).toBe(0);
    expect((await g(['label', '-s', 'low', '-a', '-w', 'lr < 0.05', '-y'])).code).toBe(0);
    expect(await names('label == low')).toEqual([0.01]);
  });
});
