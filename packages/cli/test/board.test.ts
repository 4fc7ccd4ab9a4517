// gage board (docs/spec/cli.md 5.15), with Gage (Python)'s behaviour: default columns, --json, --csv, board configs.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';
import { makeResultRun } from './_result-runs.js';

let home: string;
let speeds: string;
let groups: string;
let cwd: string;

beforeAll(async () => {
  home = await testdir();
  cwd = await testdir();
  speeds = join(home, 'speeds');
  for (const speed of [1n, 2n, 3n]) {
    await makeResultRun(speeds, {
      op: 'default',
      config: { fake_speed: speed, type: 'example' },
      summary: { attributes: { type: 'example' }, metrics: { speed } },
      ...(speed === 3n ? { label: 'foo' } : {}),
    });
  }
  groups = join(home, 'groups');
  for (const [foo, bar] of [['a', 1n], ['a', 2n], ['b', 3n], ['b', 4n]] as const) {
    await makeResultRun(groups, { op: 'default', config: { foo, bar }, summary: { attributes: { foo, bar } } });
  }
  await makeResultRun(groups, { op: 'other', config: { foo: 'c', bar: 5n }, summary: { attributes: { foo: 'c', bar: 5n } }, exitCode: 1 });
}, 60_000);

afterAll(async () => {
  await removeTree(home);
  await removeTree(cwd);
});

const board = (runs: string, args: string[], options: { dir?: string; env?: Record<string, string> } = {}) =>
  gage(['--runs', runs, 'board', ...args], { cwd: options.dir ?? cwd, home, ...(options.env ? { env: options.env } : {}) });

async function withConfig(name: string, text: string, args: string[], runs = groups) {
  const dir = await testdir({ [name]: text });
  try {
    return await board(runs, ['-c', name, ...args], { dir });
  } finally {
    await removeTree(dir);
  }
}

describe('gage board without a config', () => {
  test('a table of run attributes, config, summary attributes and metrics', async () => {
    const r = await board(speeds, []);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| name        | operation | started          | status    | label | fake_speed | type    | type    | speed |');
    expect(lines.slice(2).map((l) => l.replace(/^\| \S+ +\| default +\| \d{4}-\d\d-\d\d \d\d:\d\d \|/, '|'))).toEqual([
      '| completed | foo   | 3          | example | example | 3     |',
      '| completed |       | 2          | example | example | 2     |',
      '| completed |       | 1          | example | example | 1     |',
    ]);
  });

  test('--json: colDefs of every field, rowData with run:id, keys sorted', async () => {
    const r = await board(speeds, ['--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.colDefs).toEqual(
      ['run:name', 'run:operation', 'run:started', 'run:status', 'run:label', 'config:fake_speed', 'config:type', 'attribute:type', 'metric:speed'].map((
        field,
      ) => ({ field })),
    );
    expect(doc.rowData.map((row: Record<string, unknown>) => Object.keys(row))).toEqual(
      Array(3).fill(['attribute:type', 'config:fake_speed', 'config:type', 'metric:speed', 'run:id', 'run:label', 'run:name', 'run:operation', 'run:started',
        'run:status']),
    );
    expect(doc.rowData.map((row: Record<string, unknown>) => [row['config:fake_speed'], row['run:label'], row['run:status']])).toEqual([[3, 'foo', 'completed'],
      [2, null, 'completed'], [1, null, 'completed']]);
  });

  test('--csv: a header of fields, then the values', async () => {
    const r = await board(speeds, ['--csv']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('run:name,run:operation,run:started,run:status,run:label,config:fake_speed,config:type,attribute:type,metric:speed');
    expect(lines.slice(1).map((l) => l.replace(/^[a-z]+-[a-z]+,default,\d{4}-\d\d-\d\dT[\d:.]+Z,/, ''))).toEqual(['completed,foo,3,example,example,3',
      'completed,,2,example,example,2', 'completed,,1,example,example,1']);
  });

  test('run specs and -w select the runs; a summary object shows its value in CSV', async () => {
    const dir = join(home, 'alt');
    await makeResultRun(dir, { op: 'alt-summary-metadata', summary: { metrics: { foo: { value: 1.123, label: 'green' } } } });
    const r = await board(dir, ['--csv', '1']);
    expect(r.stdout).toMatch(/^run:name,run:operation,run:started,run:status,run:label,metric:foo\n[a-z-]+,alt-summary-metadata,[^,]+,completed,,1.123\n$/);
    expect(JSON.parse((await board(dir, ['--json'])).stdout).rowData[0]['metric:foo']).toEqual({ label: 'green', value: 1.123 });
    expect((await board(speeds, ['--csv', '-w', 'fake_speed >= 2'])).stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  test('no runs: the run columns and no rows', async () => {
    const r = await board(join(home, 'none'), ['--json']);
    expect(JSON.parse(r.stdout)).toEqual({ colDefs: ['run:name', 'run:operation', 'run:started', 'run:status', 'run:label'].map((field) => ({ field })),
      rowData: [] });
  });
});

describe('gage board with a config', () => {
  const GROUP =
    'run-select:\n  status: completed\ngroup-select:\n  group-by:\n    attribute: foo\n  max:\n    run-attr: started\ncolumns:\n  - attribute: foo\n    label: Foo\n  - attribute: bar\n    label: Bar\n';

  test('group-select: the latest completed run of each foo; labels head CSV columns', async () => {
    const json = await withConfig('group.yaml', GROUP, ['--json']);
    const doc = JSON.parse(json.stdout);
    expect(doc.colDefs).toEqual([{ field: 'attribute:foo', label: 'Foo' }, { field: 'attribute:bar', label: 'Bar' }]);
    expect(doc.rowData.map((r: Record<string, unknown>) => [r['attribute:foo'], r['attribute:bar'], typeof r['run:id']])).toEqual([['a', 2, 'string'], ['b', 4,
      'string']]);
    expect((await withConfig('group.yaml', GROUP, ['--csv'])).stdout).toBe('Foo,Bar\na,2\nb,4\n');
    expect((await withConfig('group.yaml', GROUP, [])).stdout).toBe('| Foo | Bar |\n|-----|-----|\n| a   | 2   |\n| b   | 4   |\n');
  });

  test('group-select min of started, max and min of a field (attribute, config); groups in value order', async () => {
    const first =
      'run-select:\n  status: completed\ngroup-select:\n  group-by:\n    attribute: foo\n  min:\n    run-attr: started\ncolumns:\n  - attribute: foo\n  - attribute: bar\n';
    expect((await withConfig('group-first.yaml', first, ['--csv'])).stdout).toBe('attribute:foo,attribute:bar\na,1\nb,3\n');
    const maxBar =
      '[group-select]\ngroup-by = { attribute = "foo" }\nmax = { attribute = "bar" }\n\n[[columns]]\nattribute = "foo"\n\n[[columns]]\nattribute = "bar"\n';
    expect((await withConfig('group-max-bar.toml', maxBar, ['--csv'])).stdout).toBe('attribute:foo,attribute:bar\na,2\nb,4\nc,5\n');
    const minBar = maxBar.replace('max = { attribute = "bar" }', 'min = { config = "bar" }');
    expect((await withConfig('group-min-bar.toml', minBar, ['--csv'])).stdout).toBe('attribute:foo,attribute:bar\na,1\nb,3\nc,5\n');
  });

  test('run-select by operation and status; columns as strings and objects, sort, score', async () => {
    const cfg = JSON.stringify({
      'run-select': { operation: 'default' },
      columns: ['config:foo', { 'run-attr': 'operation', label: 'Op' }, { config: 'bar', sort: 'desc' }, {
        score: { average: ['config:bar', ['attribute:bar', 3]] },
        label: 'score',
      }, 'run:exit_code'],
    });
    const r = await withConfig('board.json', cfg, ['--csv']);
    expect(r.stdout).toBe('config:foo,Op,config:bar,score,run:exit_code\nb,default,4,4.0,0\nb,default,3,3.0,0\na,default,2,2.0,0\na,default,1,1.0,0\n');
    const json = JSON.parse((await withConfig('board.json', cfg, ['--json'])).stdout);
    expect(json.colDefs).toEqual([
      { field: 'config:foo' },
      { field: 'run:operation', label: 'Op' },
      { field: 'config:bar', sort: 'desc' },
      { label: 'score', score: { average: ['config:bar', ['attribute:bar', 3]] } },
      { field: 'run:exit_code' },
    ]);
    expect(Object.keys(json.rowData[0])).toEqual(['config:bar', 'config:foo', 'run:exit_code', 'run:id', 'run:operation']);
    const errors = await withConfig('board.yaml', 'run-select:\n  status: error\n', ['--csv']);
    expect(errors.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',')[1])).toEqual(['other']);
  });

  test('title and description go to the JSON document', async () => {
    const doc = JSON.parse(
      (await withConfig('board.toml', 'title = "Best runs"\ndescription = "One per foo"\ncolumns = ["attribute:foo"]\n', ['--json'])).stdout,
    );
    expect(Object.keys(doc)).toEqual(['colDefs', 'description', 'rowData', 'title']);
    expect([doc.title, doc.description]).toEqual(['Best runs', 'One per foo']);
  });

  test("group-select errors, in Gage (Python)'s words, exit 1", async () => {
    const cases: [string, string][] = [
      ['run-select:\n  status: completed\ngroup-select: {}\n',
        'gage: invalid board config: group-select for board is missing group-by field: expected run-attr, attribute, metric, or config\n'],
      ['group-select:\n  group-by:\n    attribute: model\n', 'gage: invalid board config: group-select for board must specify either min or max fields\n'],
      ['group-select:\n  group-by:\n    attribute: model\n  min:\n    foo: 123\n',
        'gage: invalid board config: group-select selector (min/max) for board is missing field: expected run-attr, attribute, metric, or config\n'],
    ];
    for (const [text, stderr] of cases) expect(await withConfig('g.yaml', text, ['--json'])).toEqual({ code: 1, stdout: '', stderr });
  });

  test('an invalid column', async () => {
    expect((await withConfig('b.json', '{"columns": ["loss"]}', [])).stderr).toBe(
      "gage: invalid board config: column 1: 'loss' is not a field: expected run:NAME, attribute:NAME, metric:NAME or config:NAME\n",
    );
  });
});

describe('gage board: finding the config', () => {
  test('board.json, then board.toml, then board.yaml in the current directory; --no-config uses none', async () => {
    const dir = await testdir({
      'board.json': '{"columns": ["config:foo"]}',
      'board.toml': 'columns = ["config:bar"]\n',
      'board.yaml': '',
    });
    try {
      const header = async (args: string[] = []) => (await board(groups, ['--csv', ...args], { dir })).stdout.split('\n')[0];
      expect(await header()).toBe('config:foo');
      await rm(join(dir, 'board.json'));
      expect(await header()).toBe('config:bar');
      await rm(join(dir, 'board.toml'));
      expect(await board(groups, [], { dir })).toEqual({ code: 1, stdout: '', stderr: 'gage: Unexpected board config in "board.yaml" - expected a map\n' });
      expect(await header(['--no-config'])).toMatch(/^run:name,/);
      const verbose = await gage(['-v', '--runs', groups, 'board', '--no-config', '--csv'], { cwd: dir, home });
      expect(verbose.stderr).toBe('Using the default board config\nBoard of 5 runs\n');
      await writeFile(join(dir, 'board.yaml'), 'columns: [config:foo]\n');
      expect((await gage(['-v', '--runs', groups, 'board', '--csv'], { cwd: dir, home })).stderr).toBe('Using board config "board.yaml"\nBoard of 5 runs\n');
      // -C: the directory the command acts in.
      expect((await gage(['-C', dir, '--runs', groups, 'board', '--csv'], { cwd: home, home })).stdout.split('\n')[0]).toBe('config:foo');
    } finally {
      await removeTree(dir);
    }
  });

  test('a config that cannot be loaded, or is not a map', async () => {
    expect(await board(groups, ['-c', 'nope.json'])).toEqual({ code: 1, stdout: '',
      stderr: 'gage: Cannot load board config "nope.json": file does not exist\n' });
    expect((await withConfig('board.txt', '{}', [])).stderr).toBe(
      'gage: Cannot load board config "board.txt": unsupported file extension (expected .json, .toml, .yaml or .yml)\n',
    );
    expect((await withConfig('board.json', '{"columns": }', [])).stderr).toMatch(
      /^gage: Cannot load board config "board.json": Expecting value: line 1 column 13/,
    );
    expect((await withConfig('board.json', '["metric:loss"]', [])).stderr).toBe('gage: Unexpected board config in "board.json" - expected a map\n');
  });

  test("option conflicts, in Gage (Python)'s words", async () => {
    expect(await board(groups, ['--csv', '--json'])).toEqual({ code: 1, stdout: '', stderr: "gage: You can't use both --json and --csv options.\n" });
    expect(await board(groups, ['--no-config', '--config', 'xxx'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: You can't use both --config and --no-config options.\n" });
  });
});
