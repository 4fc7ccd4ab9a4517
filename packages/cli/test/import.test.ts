import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage, gageBin } from './_helpers.js';

const FIXTURES = fileURLToPath(new URL('../../meta/test/fixtures/import/', import.meta.url));
const GAGE_1 = '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c001';
const GUILD_1 = '9a1b2c3d4e5f40718293a4b5c6d7e801';

let home: string;
let runs: string;
let src: string;
const g = (args: string[], input?: string) => gage(['--runs', runs, ...args], { cwd: home, home, input });

beforeEach(async () => {
  home = await testdir();
  runs = join(home, 'runs');
  src = join(home, 'old-runs');
  cpSync(join(FIXTURES, 'gage-py'), src, { recursive: true });
  cpSync(join(FIXTURES, 'guild'), src, { recursive: true });
});
afterEach(async () => {
  await removeTree(home);
});

describe('runs of Gage (Python) and Guild AI in the runs dir', () => {
  test('gage runs says they are not shown; gage check -v counts them', async () => {
    const listed = await gage(['--runs', src, 'runs'], { cwd: home, home });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe(
      "3 runs in Gage (Python) format are not shown; import them with 'gage import'\n" +
        "4 runs in Guild AI format are not shown; import them with 'gage import'\n",
    );
    const checked = await gage(['--runs', src, 'check', '-v'], { cwd: home, home });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/gage_python_runs +\| 3 \(not listed; import them with 'gage import'\)/);
    expect(checked.stdout).toMatch(/guild_runs +\| 4 \(not listed/);
    expect(checked.stderr).toBe('');
    // A runs dir with none prints nothing more.
    expect((await g(['runs'])).stderr).toBe('');
  });
});

describe('gage import', () => {
  test('--preview lists what would be imported and writes nothing', async () => {
    const r = await g(['import', src, '--preview']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${GAGE_1}  Gage (Python)  train  completed baseline ✓\n`);
    expect(r.stdout).toContain(`${GUILD_1}  Guild AI  train  completed lr=0.1 épreuve\n`);
    expect(r.stderr).toBe('Would import 7 runs\n');
    expect(existsSync(runs)).toBe(false);
  });

  test('imports every run; imported runs work with runs, show, cat, compare and diff; a second import skips them', async () => {
    const r = await g(['import', src, '-y']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'Imported 7 runs\n' });
    const list = await g(['runs', '--json']);
    const rows = JSON.parse(list.stdout) as { id: string; status: string; label?: string; operation: string }[];
    expect(rows.length).toBe(7);
    expect(rows.find((x) => x.id === GUILD_1)).toMatchObject({ status: 'completed', label: 'lr=0.1 épreuve' });
    expect(rows.find((x) => x.id === GAGE_1)).toMatchObject({ status: 'completed', label: 'baseline ✓' });
    expect(list.stderr).toBe('');
    const show = await g(['show', GUILD_1]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('mnist:train');
    expect(show.stdout).toContain('réseau ✓');
    expect(show.stdout).toContain('best so far ✓');
    expect(await g(['cat', '-o', GUILD_1])).toEqual({ code: 0, stdout: 'Epoch 1\nloss: 0.25 ✓\nwarn\n', stderr: '' });
    const compare = await g(['compare', '--csv', '-a']);
    expect(compare.code).toBe(0);
    expect(compare.stdout.split('\n').filter((l) => l.includes('lr')).length).toBeGreaterThan(0);
    const diff = await g(['diff', GAGE_1, '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c002']);
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/epochs/);
    const again = await g(['import', src, '-y']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`Skipped run ${GAGE_1}: already imported`);
    expect(again.stderr).toMatch(/Nothing imported\n$/);
  });

  test('the built bin imports Guild runs (the bundle loads yaml on demand: a CommonJS module gives only its default export there)', async () => {
    const result = await gageBin(['--runs', runs, 'import', '--from', 'guild', src, '-y'], { cwd: home, home });
    expect(result.stderr).toBe('Imported 4 runs\n');
    expect(result.code).toBe(0);
  });

  test('--from and --where pick runs; --move empties the source of what it imported', async () => {
    expect((await g(['import', src, '--from', 'guild', '-w', 'lr >= 0.1', '--move', '-y'])).stderr).toBe('Imported 2 runs\n');
    expect(readdirSync(src).filter((n) => /^[0-9a-f]{32}$/.test(n)).sort()).toEqual(['9a1b2c3d4e5f40718293a4b5c6d7e803', '9a1b2c3d4e5f40718293a4b5c6d7e804']);
  });

  test('bad input: a bad --from, two modes, no runs in SRC, SRC is the runs dir', async () => {
    const badFrom = await g(['import', src, '--from', 'mlflow']);
    expect(badFrom.code).toBe(2);
    expect(badFrom.stderr).toContain("Invalid value for '--from': 'mlflow' is not one of 'gage-py', 'guild'.");
    expect(await g(['import', src, '--move', '--link'])).toEqual({ code: 1, stdout: '',
      stderr: "move and link cannot be used together.\n\nTry 'gage import -h' for help.\n" });
    const empty = await g(['import', home]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`No runs of Gage (Python) or Guild AI in "${home}"`);
    const same = await gage(['--runs', src, 'import', src, '-y'], { cwd: home, home });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain(`Cannot import runs into their source dir "${src}"`);
  });
});
