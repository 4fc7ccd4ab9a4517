import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { associateProject, initRunMetaSync, initRunUserAttrs, makeRun } from '@gage/meta';
import { OpCmd, OpDef, OpRef, runNameForId, type Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

// A runs dir of 2,100 runs: enough for `gage runs` to read the runs' files on
// a second thread while listing (from 2,000 runs on), so this checks that
// path gives the same rows, statuses, labels and descriptions as reading
// them one run at a time does (list.test.ts).

const COUNT = 2100;

let home: string;
let project: string;
let runs: string;

const g = (args: string[]) => gage(['--runs', runs, ...args], { cwd: home, home });

const idFor = (i: number) => `${(0x10000000 + i).toString(16)}-1111-4111-8111-111111111111`;

/** Run i's status: 49 of every 50 are finalized (every 7th with exit 1), the others only staged. */
const statusFor = (i: number) => (i % 50 === 49 ? 'staged' : i % 7 === 3 ? 'error' : 'completed');

/** Run i's description as the runs table shows it. */
function descriptionFor(i: number): string {
  if (i === 10) return 'lr=0.25'; // listing.description = ['lr']
  if (i === 20) return 'chosen i=20'; // user label
  if (i === 30) return 'from-summary i=30 loss=0.125'; // summary label and metric
  if (i === 50 || i === 60) return ''; // config not an object of scalars / not JSON
  return i % 100 === 0 ? `i=${i} lr=0.5` : `i=${i}`;
}

/** The run with list index k (1 = newest; run i started at i seconds). */
const runAt = (k: number) => COUNT - k;

/** A `-0` table row at COLUMNS=80 (the `#` and `status` columns as wide as their widest cell). */
function row(k: number, i: number, indexWidth: number, statusWidth: number): string {
  const width = 80 - (indexWidth + 9 + statusWidth) - 3 * 4 - 1;
  return `| ${String(k).padEnd(indexWidth)} | p:train   | ${statusFor(i).padEnd(statusWidth)} | ${descriptionFor(i).padEnd(width)} |`;
}

async function writeRun(i: number, opref: string): Promise<Run> {
  const id = idFor(i);
  const run: Run = { id, name: runNameForId(id), runDir: join(runs, id), metaDir: join(runs, `${id}.meta`) };
  const w = (file: string, text: string) => writeFile(join(run.metaDir, file), text);
  await mkdir(join(run.metaDir, 'proc'), { recursive: true });
  await w('opref', opref);
  await w('id', id);
  await w('initialized', String(1_700_000_000_000_000 + i * 1_000_000));
  await w('staged', String(1_700_000_000_000_000 + i * 1_000_000));
  const config = i === 50 ? '{"i": [1]}' : i === 60 ? '{' : i === 10 ? '{"i": 10, "lr": 0.25}' : i % 100 === 0 ? `{"i": ${i}, "lr": 0.5}` : `{"i": ${i}}`;
  await w('config.json', config);
  await w('opdef.json', i === 10 ? '{"exec": "x", "listing": {"description": ["lr"]}}' : '{"exec": "x"}');
  if (i === 30) await w('summary.json', '{"run": {"label": "from-summary"}, "metrics": {"loss": 0.125}}');
  if (i % 50 !== 49) {
    await w('started', String(1_700_000_000_000_000 + i * 1_000_000));
    await w('proc/exit', i % 7 === 3 ? '1\n' : '0\n');
  }
  return run;
}

beforeAll(async () => {
  home = await testdir();
  project = await testdir({ 'gage.toml': '[train]\nexec = "x"\n' });
  runs = join(home, 'runs');
  // The opref exactly as the product writes it, from one real run.
  const template = await makeRun(join(home, 'template'));
  initRunMetaSync(template, OpRef('p', 'train'), OpDef('train', { exec: 'x' }), {}, OpCmd('x', {}), {});
  const opref = await readFile(join(template.metaDir, 'opref'), 'utf8');
  const next = { i: 0 };
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next.i < COUNT) {
        const i = next.i++;
        const run = await writeRun(i, opref);
        if (i === 20) await initRunUserAttrs(run, { label: 'chosen' });
        if (i === 40) await associateProject(run, project);
      }
    }),
  );
});

afterAll(async () => {
  await removeTree(home);
  await removeTree(project);
});

describe('gage list with thousands of runs', () => {
  test('-a shows every run with its status and description, newest first', async () => {
    const r = await g(['runs', '-a', '-0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`| #    | operation | status    | ${'description'.padEnd(45)} |`);
    expect(lines).toHaveLength(COUNT + 3);
    for (let k = 1; k <= COUNT; k++) {
      const i = runAt(k);
      expect(lines[k + 1]).toBe(row(k, i, 4, 9));
    }
  });

  test('the default page reads 20 runs and counts them all', async () => {
    const r = await g(['runs', '-0']);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(2 + 20 + 3);
    for (let k = 1; k <= 20; k++) expect(lines[k + 1]).toBe(row(k, runAt(k), 2, 9));
    expect(r.stdout.endsWith(`\n Showing 20 of ${COUNT} runs (use -m to show more)\n`)).toBe(true);
    expect(r.stderr).toBe('');
  });

  test('-w filters by status and by label (user or summary) over all runs', async () => {
    const errors = await g(['runs', '-a', '-0', '-w', 'error']);
    const rows = errors.stdout.split('\n').slice(2, -1);
    const expected = Array.from({ length: COUNT }, (_, i) => COUNT - 1 - i).filter((i) => statusFor(i) === 'error');
    expect(rows).toHaveLength(expected.length);
    rows.forEach((line, n) => expect(line).toBe(row(n + 1, expected[n] as number, 3, 6)));
    expect((await g(['runs', '-0', '-w', 'chosen'])).stdout.split('\n')[2]).toMatch(/^\| 1 +\| p:train +\| completed \| chosen i=20 +\|$/);
    expect((await g(['runs', '-0', '-w', 'from-summary'])).stdout.split('\n')[2]).toMatch(
      /^\| 1 +\| p:train +\| completed \| from-summary i=30 loss=0\.125 +\|$/,
    );
  });

  test('--json -a has the details of every run', async () => {
    const r = await g(['runs', '-a', '--json']);
    const data = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(data).toHaveLength(COUNT);
    const byIndex = (i: number) => data[COUNT - 1 - i] as Record<string, unknown>;
    expect(byIndex(20)).toMatchObject({ id: idFor(20), status: 'completed', label: 'chosen', exitCode: 0, config: { i: 20 } });
    expect(byIndex(49)).toMatchObject({ status: 'staged', exitCode: null, started: null, stopped: null });
    expect(byIndex(3)).toMatchObject({ status: 'error', exitCode: 1, started: new Date(1_700_000_000_000 + 3000).toISOString() });
    expect(byIndex(40)).toMatchObject({ projectDir: project });
    expect(byIndex(41)).toMatchObject({ projectDir: null });
  });

  test('select and show read the selected run only', async () => {
    expect((await g(['select', '--project-dir', String(COUNT - 40)])).stdout).toBe(`${project}\n`);
    expect((await g(['select', '--label', String(COUNT - 20)])).stdout).toBe('chosen\n');
    expect((await g(['select', '--name', '-w', 'chosen'])).stdout).toBe(`${runNameForId(idFor(20))}\n`);
    const show = await g(['show', '--config', String(COUNT - 10)]);
    expect(show.stdout).toContain('0.25');
  });
});
