// gage compare (decision 25): one row per run, differing flags, metrics, --columns, --sort, --csv, --json.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';
import { makeResultRun } from './_result-runs.js';

let home: string;
let runs: string;
let many: string;

beforeAll(async () => {
  home = await testdir();
  runs = join(home, 'runs');
  // Oldest first: list index 4, 3, 2, 1.
  await makeResultRun(runs, { config: { lr: 0.1, epochs: 5n, opt: 'adam', aug: false },
    summary: { metrics: { loss: 0.2, acc: 0.9 }, attributes: { type: 'cnn' } } });
  await makeResultRun(runs, { config: { lr: 0.01, epochs: 10n, opt: 'adam', aug: true }, summary: { metrics: { loss: 0.02, acc: 0.99 } }, label: 'best, try' });
  await makeResultRun(runs, { op: 'eval' });
  await makeResultRun(runs, { config: { lr: 0.05, epochs: 5n, opt: 'adam', aug: false },
    summary: { metrics: { loss: { value: 0.1, label: 'ten' }, acc: 0.95 } }, exitCode: 1 });
  many = join(home, 'many');
  for (let i = 0; i < 23; i++) await makeResultRun(many, { config: { i: BigInt(i) }, summary: { metrics: { loss: 1 / (i + 1) } } });
}, 120_000);

afterAll(async () => {
  await removeTree(home);
});

const g = (args: string[], env?: Record<string, string>) => gage(['--runs', runs, 'compare', ...args], { cwd: home, home, ...(env ? { env } : {}) });
const cells = (line: string | undefined) => (line ?? '').split('|').slice(1, -1).map((c) => c.trim());
const TRAIN = ['-w', 'operation == train'];

describe('gage compare: the default columns', () => {
  test('name, operation, started, status, label, the flags that differ, every metric; newest first', async () => {
    const r = await g([], { COLUMNS: '200' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(cells(lines[0])).toEqual(['name', 'operation', 'started', 'status', 'label', 'aug', 'epochs', 'lr', 'opt', 'acc', 'loss']);
    expect(lines).toHaveLength(6);
    expect(lines.slice(2).map((l) => cells(l).slice(1, 2).concat(cells(l).slice(3)))).toEqual([
      ['train', 'error', '', 'false', '5', '0.05', 'adam', '0.95', '0.1'],
      ['eval', 'completed', '', '', '', '', '', '', ''],
      ['train', 'completed', 'best, try', 'true', '10', '0.01', 'adam', '0.99', '0.02'],
      ['train', 'completed', '', 'false', '5', '0.1', 'adam', '0.9', '0.2'],
    ]);
    expect(cells(lines[2])[2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  test('a flag with the same value in every run shown is left out; --all-flags shows it', async () => {
    expect(cells((await g(TRAIN)).stdout.split('\n')[0]).slice(5)).toEqual(['aug', 'epochs', 'lr', 'acc', 'loss']);
    expect(cells((await g([...TRAIN, '--all-flags'])).stdout.split('\n')[0]).slice(5)).toEqual(['aug', 'epochs', 'lr', 'opt', 'acc', 'loss']);
  });

  test('run specs select the runs, kept in list order', async () => {
    const r = await g(['1', '3', '--columns', 'lr', '--csv']);
    expect(r.stdout).toBe('config:lr\n0.05\n0.01\n');
  });
});

describe('gage compare --columns and --sort', () => {
  test('bare names resolve to a run attribute, then a config key, a metric, a summary attribute', async () => {
    const r = await g([...TRAIN, '--columns', 'lr,loss,acc,status,label']);
    expect(r.stdout).toBe(
      '| lr   | loss | acc  | status    | label     |\n' +
        '|------|------|------|-----------|-----------|\n' +
        '| 0.05 | 0.1  | 0.95 | error     |           |\n' +
        '| 0.01 | 0.02 | 0.99 | completed | best, try |\n' +
        '| 0.1  | 0.2  | 0.9  | completed |           |\n',
    );
    const doc = JSON.parse((await g(['--columns', 'type,run:time,exit_code', '--columns', 'attr:type,config:opt,metric:loss,id', '--json'])).stdout);
    expect(doc.colDefs).toEqual(
      ['attribute:type', 'run:time', 'run:exit_code', 'attribute:type', 'config:opt', 'metric:loss', 'run:id'].map((field) => ({ field })),
    );
    expect(doc.rowData[0]['run:exit_code']).toBe(1);
    expect(typeof doc.rowData[0]['run:time']).toBe('number');
    expect(doc.rowData[3]['attribute:type']).toBe('cnn');
  });

  test('--sort: numbers as numbers, - for descending, missing values last either way, several keys in order', async () => {
    const losses = async (...sort: string[]) => (await g([...sort.flatMap((s) => ['--sort', s]), '--columns', 'operation,loss', '--csv'])).stdout;
    expect(await losses('loss')).toBe('run:operation,metric:loss\ntrain,0.02\ntrain,0.1\ntrain,0.2\neval,\n');
    expect(await losses('-loss')).toBe('run:operation,metric:loss\ntrain,0.2\ntrain,0.1\ntrain,0.02\neval,\n');
    expect(await losses('operation', '-loss')).toBe('run:operation,metric:loss\neval,\ntrain,0.2\ntrain,0.1\ntrain,0.02\n');
    const r = await g(['--sort', 'epochs', '--sort', '-lr', '--columns', 'epochs,lr', '--csv']);
    expect(r.stdout).toBe('config:epochs,config:lr\n5,0.1\n5,0.05\n10,0.01\n,\n');
  });

  test('a sort column need not be shown', async () => {
    expect((await g([...TRAIN, '--sort', '-acc', '--columns', 'lr', '--csv'])).stdout).toBe('config:lr\n0.01\n0.05\n0.1\n');
  });

  test('same names under two prefixes get prefixed headers', async () => {
    const r = await gage(['--runs', join(home, 'clash'), 'compare', '--columns', 'config:x,metric:x,name'], { cwd: home, home });
    expect(cells(r.stdout.split('\n')[0])).toEqual(['config:x', 'metric:x', 'name']);
  });
});

describe('gage compare output formats', () => {
  test('--json: {colDefs, rowData} with fields, rows carry run:id, values keep their types', async () => {
    const r = await g([...TRAIN, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['colDefs', 'rowData']);
    expect(doc.colDefs.map((c: { field: string }) => c.field)).toEqual(['run:name', 'run:operation', 'run:started', 'run:status', 'run:label', 'config:aug',
      'config:epochs', 'config:lr', 'metric:acc', 'metric:loss']);
    expect(doc.rowData).toHaveLength(3);
    const [first, second] = doc.rowData;
    expect(Object.keys(first)).toEqual(['config:aug', 'config:epochs', 'config:lr', 'metric:acc', 'metric:loss', 'run:id', 'run:label', 'run:name',
      'run:operation', 'run:started', 'run:status']);
    expect(first['run:id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first['run:started']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first['metric:loss']).toEqual({ value: 0.1, label: 'ten' });
    expect(second['run:label']).toBe('best, try');
    expect(r.stdout).toContain('"config:epochs": 5,');
    expect(r.stdout).toContain('"config:aug": false,');
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  test('--csv: a header of fields, booleans 1/0, a summary object by its value, RFC 4180 quoting', async () => {
    const r = await g([...TRAIN, '--columns', 'aug,lr,label,loss', '--csv']);
    expect(r.stdout).toBe('config:aug,config:lr,run:label,metric:loss\n0,0.05,,0.1\n1,0.01,"best, try",0.02\n0,0.1,,0.2\n');
  });

  test('with colours, the best value of each metric is bold green: lower for loss, higher for acc', async () => {
    const r = await g([...TRAIN, '--columns', 'loss,acc,lr'], { FORCE_COLOR: '1' });
    const best = (text: string) => `\x1b[1m\x1b[32m${text}\x1b[39m\x1b[22m`;
    const lines = r.stdout.split('\n');
    expect(lines[3]).toContain(best('0.02'));
    expect(lines[3]).toContain(best('0.99'));
    expect(lines[2]).not.toContain('\x1b[1m');
    expect(lines[4]).not.toContain('\x1b[1m');
    // Plain mode (the tests' NO_COLOR) has no escapes at all.
    expect((await g([...TRAIN, '--columns', 'loss,acc'])).stdout).not.toContain('\x1b');
  });

  test('a table wider than COLUMNS cuts the label column, never below its header', async () => {
    const narrow = async (cols: string) => (await g(['3', '--columns', 'name,label'], { COLUMNS: cols })).stdout.split('\n')[2];
    expect(await narrow('80')).toMatch(/\| best, try \|$/);
    expect(await narrow('25')).toMatch(/\| best, … \|$/);
    expect(await narrow('10')).toMatch(/\| best… \|$/);
  });
});

describe('gage compare: which runs', () => {
  test('without specs the 20 latest, with a caption; -a all', async () => {
    const m = (args: string[]) => gage(['--runs', many, 'compare', '--columns', 'i', ...args], { cwd: home, home });
    const r = await m([]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(2, 22).map((l) => cells(l)[0])).toEqual(Array.from({ length: 20 }, (_, k) => String(22 - k)));
    expect(lines.slice(22)).toEqual(['', ' Showing 20 of 23 runs (use -a to show all)']);
    expect((await m(['-a', '--csv'])).stdout.trimEnd().split('\n')).toHaveLength(24);
    expect(JSON.parse((await m(['--json'])).stdout).rowData).toHaveLength(20);
  });

  test('an empty run set is an empty table, an empty rowData, a CSV header', async () => {
    const none = ['-w', 'lr > 5'];
    expect(await g(none)).toEqual({
      code: 0,
      stderr: '',
      stdout: '| name | operation | started | status | label |\n|------|-----------|---------|--------|-------|\n',
    });
    expect(JSON.parse((await g([...none, '--json'])).stdout)).toEqual({
      colDefs: ['run:name', 'run:operation', 'run:started', 'run:status', 'run:label'].map((field) => ({ field })),
      rowData: [],
    });
    expect((await g([...none, '--columns', 'config:lr,metric:loss', '--csv'])).stdout).toBe('config:lr,metric:loss\n');
    expect((await gage(['--runs', join(home, 'nothing'), 'compare', '--json'], { cwd: home, home })).code).toBe(0);
  });
});

describe('gage compare: bad input', () => {
  test('an unknown column names it and says how to name a column no run has; exit 1', async () => {
    const r = await g(['--columns', 'lr,nosuch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "gage: Unknown column 'nosuch' in --columns: no run shown has a config key, metric or summary attribute of that name\n\n" +
        'A column is a run attribute (id, name, operation, op_ns, op_version, started, stopped, time, status, label, exit_code), ' +
        'or a config key, metric or summary attribute of a run shown. To name one that no run shown has, use a prefix: config:nosuch, metric:nosuch, attr:nosuch.\n',
    );
    expect((await g(['--columns', 'run:bogus'])).stderr).toMatch(/^gage: Unknown run attribute 'bogus' in --columns\n\nRun attributes: id, name,/);
    // With no runs shown, a bare name that is no run attribute cannot be resolved.
    expect((await g(['-w', 'lr > 5', '--columns', 'lr'])).stderr).toMatch(/^gage: Unknown column 'lr' in --columns/);
  });

  test('a bad --sort column', async () => {
    const r = await g(['--sort', 'nosuch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gage: Unknown column 'nosuch' in --sort: /);
    const dash = await g(['--sort', '-']);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain("Error: Invalid value for '--sort': '-' names no column.");
  });

  test('an empty column name is a usage error', async () => {
    const r = await g(['--columns', 'lr,,loss']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Error: Invalid value for '--columns': 'lr,,loss' has an empty column name.");
  });

  test('incompatible options: --csv and --json, runs and --all, --columns and --all-flags', async () => {
    expect(await g(['--csv', '--json'])).toEqual({ code: 1, stdout: '', stderr: "csv and json cannot be used together.\n\nTry 'gage compare -h' for help.\n" });
    expect((await g(['1', '-a'])).stderr).toMatch(/^runs and all cannot be used together\./);
    expect((await g(['--columns', 'lr', '--all-flags'])).stderr).toMatch(/^columns and all-flags cannot be used together\./);
  });

  test('a bad where expression', async () => {
    const r = await g(['-w', 'lr >']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gage: Cannot use where expression 'lr >'/);
  });
});
