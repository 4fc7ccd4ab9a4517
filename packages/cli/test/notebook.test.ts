import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

// Notebooks as config files (docs/spec/stage.md 5.7). The operation here runs
// `python3 -c` on the staged notebook's JSON, so no Jupyter is needed; the run
// through Jupyter itself is examples.test.ts (examples/notebook).

/** A notebook in Jupyter's layout (1-space indent, `source` split into lines) with these cells. */
function notebook(cells: [type: 'code' | 'markdown', source: string][]): string {
  const json = cells.map(([cellType, source], i) => ({
    cell_type: cellType,
    ...(cellType === 'code' ? { execution_count: null } : {}),
    id: `c${i}`,
    metadata: {},
    ...(cellType === 'code' ? { outputs: [] } : {}),
    source: source.split(/(?<=\n)/).filter((line) => line !== ''),
  }));
  return JSON.stringify({ cells: json, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1) + '\n';
}

const TRAIN = notebook([
  ['markdown', '# Train\nlr = 99\n'],
  ['code', '%pip install -q numpy\n!nvidia-smi\nimport json\n'],
  ['code', 'lr = 0.1\nepochs = 3\nname = "Zoë"\n'],
  ['code', 'def train():\n    hidden = 1\n    return hidden\n'],
]);

// Prints the values the staged notebook holds (its code-cell sources, joined). Node, not Python: the
// version of a python3 command is read for the run's provenance, which can time out on a loaded machine.
const PRINT_SOURCES = "const nb = JSON.parse(require('fs').readFileSync('train.ipynb', 'utf8')); " +
  "process.stdout.write(nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join(''));";
const GAGE_TOML = `[train]\nconfig = "train.ipynb"\nexec = ${JSON.stringify(['node', '-e', PRINT_SOURCES])}\n`;

let project: string;
let home: string;

beforeEach(async () => {
  project = await testdir({ 'gage.toml': GAGE_TOML, 'train.ipynb': TRAIN });
  home = await testdir();
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[]) => gage(args, { cwd: project, home });

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(project, name), text);
}

describe('a notebook as the config file of an operation', () => {
  test('--help-op lists the top-level names of the code cells', async () => {
    const r = await g(['run', 'train', '--help-op']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Flags\n| name   | type  | default |\n|--------|-------|---------|\n| epochs | int   | 3       |\n| lr     | float | 0.1     |\n| name   | str   | Zoë     |\n',
    );
  });

  test('a run patches the copy of the notebook byte for byte; the project copy is untouched', async () => {
    const r = await g(['run', 'train', 'lr=1', 'name=Chloé', '-y']);
    expect(r).toEqual({ code: 0, stderr: '', stdout: expect.stringContaining('lr = 1.0\nepochs = 3\nname = "Chloé"\n') });
    const copy = await g(['cat', '-p', 'train.ipynb']);
    expect(copy.stdout).toBe(TRAIN.replace('"lr = 0.1\\n"', '"lr = 1.0\\n"').replace('"name = \\"Zoë\\"\\n"', '"name = \\"Chloé\\"\\n"'));
    expect(await readFile(join(project, 'train.ipynb'), 'utf8')).toBe(TRAIN);
    expect((await g(['show', '--config'])).stdout).toContain('| lr     | 1.0   |');
  });

  test('flags are checked against the notebook: a name defined only inside a function is unknown; a word for a number is refused', async () => {
    expect(await g(['run', 'train', 'hidden=2', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Unknown flag 'hidden' for operation train\n\nUse --force-flags to record it anyway.\n",
    });
    const r = await g(['run', 'train', 'epochs=many', '-y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Invalid value 'many' for flag epochs: expected an integer");
  });

  test('a code cell that is not Python is skipped with one warning naming its index; the other cells still count', async () => {
    const bad = notebook([
      ['code', 'lr = 0.1\n'],
      ['markdown', 'Notes'],
      ['code', 'if lr\n    print(lr)\n'],
      ['code', 'epochs = 3\n'],
    ]);
    await write({ 'train.ipynb': bad });
    const r = await g(['run', 'train', 'epochs=4', '-y']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('WARNING: Config file "train.ipynb": skipped cell 2: Invalid Python syntax: invalid syntax at line 1, column 6\n');
    expect(r.stdout).toContain('lr = 0.1\nif lr\n    print(lr)\nepochs = 4\n');
  });

  test('a notebook that does not load is skipped with a warning, and its flags are unknown', async () => {
    await write({ 'train.ipynb': '{"nbformat": 3, "worksheets": []}' });
    const r = await g(['run', 'train', '--help-op']);
    expect(r.stderr).toBe(
      'WARNING: Cannot load configuration for "train.ipynb": nbformat 3 notebooks are not supported (only nbformat 4); ' +
        "upgrade it with 'jupyter nbconvert --to notebook --inplace <file>' or by saving it in Jupyter\n",
    );
    expect(r.stdout).not.toContain('Flags');
  });
});

describe('gage check NOTEBOOK', () => {
  test('a valid notebook', async () => {
    expect(await g(['check', 'train.ipynb'])).toEqual({ code: 0, stdout: '', stderr: 'train.ipynb is a valid notebook config file\n' });
  });

  test('cells that are not Python: one line each, exit 1', async () => {
    await write({ 'bad.ipynb': notebook([['code', 'x = (\n'], ['code', 'y = 1\n'], ['code', '  z = 2\n']]) });
    expect(await g(['check', 'bad.ipynb'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'There are errors in bad.ipynb\n' +
        'skipped cell 0: Invalid Python syntax: invalid syntax at line 2, column 1\n' +
        'skipped cell 2: Invalid Python syntax: unexpected indent at line 1, column 3\n',
    });
  });

  test('not JSON, nbformat 3', async () => {
    await write({ 'text.ipynb': 'lr = 0.1\n', 'old.IPYNB': '{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}' });
    expect(await g(['check', 'text.ipynb'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'gage: Error loading text.ipynb: Invalid JSON syntax: Expecting value at line 1, column 1\n',
    });
    expect((await g(['check', 'old.IPYNB'])).stderr).toMatch(/^gage: Error loading old\.IPYNB: nbformat 3 notebooks are not supported/);
  });
});
