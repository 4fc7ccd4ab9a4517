// The first screenful of the runs table (docs/spec/cli.md 5.24): a fresh
// RunRows (and server) sends the first rows and the number of runs before
// it has read every run, and those rows are the ones the whole listing has.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMetaFileSync } from '@gage/meta';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import type { Run } from '@gage/types';
import { RunRows, startViewServer, type RunRow, type RunRowsPage } from '../src/index.js';
import { rawRequest } from './http.js';
import { makeQuickRuns } from './make-runs.js';

const COUNT = 150;
let runsDir: string;
let runs: Run[];

beforeAll(async () => {
  runsDir = await testdir();
  runs = await makeQuickRuns(runsDir, COUNT);
  // Two runs started in the same ms as the newest: the order among them is by id, in the index as in the rows.
  const newest = runs[COUNT - 1] as Run;
  const started = readFileSync(join(newest.metaDir, 'started'), 'utf8');
  for (const run of runs.slice(COUNT - 3, COUNT - 1)) writeMetaFileSync(run, 'started', started);
  // What is not a run: a file named like a meta dir, and a meta dir whose opref cannot be read (it sorts first: no `started`).
  await writeFile(join(runsDir, 'not-a-dir.meta'), '');
  await mkdir(join(runsDir, 'broken.meta'));
  await writeFile(join(runsDir, 'broken.meta', 'opref'), 'not an opref');
});

afterAll(async () => {
  await cleanupTestdirs();
});

const ids = (rows: RunRow[]) => rows.map((r) => r.id);

describe('RunRows.page', () => {
  test('a fresh RunRows gives the first rows newest first and the number of runs, without reading the other runs', async () => {
    const rows = new RunRows(runsDir);
    const page = await rows.page(undefined, 20);
    expect(page.total).toBe(COUNT);
    expect(page.complete).toBe(false);
    expect(page.runs).toHaveLength(20);
    // The oldest run was not read: a change to it now shows in the listing (a read finished run's row is kept).
    const oldest = runs[0] as Run;
    await writeFile(join(oldest.metaDir, 'config.json'), '{"i": 0, "seen": "later"}');
    const all = await rows.list();
    expect(all).toHaveLength(COUNT);
    expect(all.find((r) => r.id === oldest.id)?.config).toEqual({ i: 0, seen: 'later' });
    // The first rows are the listing's first rows, field for field.
    expect(page.runs).toEqual(all.slice(0, 20));
    expect(ids(page.runs).slice(0, 3).sort()).toEqual(runs.slice(COUNT - 3).map((r) => r.id).sort());
  });

  test('once listed, a page is the listing cut; all rows fit: complete; a filter counts the runs passing it', async () => {
    const rows = new RunRows(runsDir);
    await rows.list();
    const page = await rows.page('', 10);
    expect(page).toEqual({ runs: (await rows.list()).slice(0, 10), total: COUNT, complete: false });
    expect((await new RunRows(runsDir).page('', 1000)).complete).toBe(true);
    const filtered = await new RunRows(runsDir).page('i < 30', 10);
    expect(filtered.total).toBe(30);
    expect(filtered.runs.map((r) => r.config['i'])).toEqual([29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
  });
});

describe('/api/runs?limit=N', () => {
  test('a fresh server sends the first N rows with the total, then the whole listing has them first', async () => {
    const server = await startViewServer({ runsDir });
    try {
      const get = async (path: string) => {
        const res = await rawRequest(server.port, path, { headers: { Authorization: `Bearer ${server.token}` } });
        return { status: res.status, body: JSON.parse(res.body) as RunRowsPage & { where: string; error?: { code: string } } };
      };
      const first = await get('/api/runs?limit=100');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ where: '', total: COUNT, complete: false });
      expect(first.body.runs).toHaveLength(100);
      const all = await get('/api/runs');
      expect(all.body).toMatchObject({ where: '', total: COUNT, complete: true });
      expect(all.body.runs).toHaveLength(COUNT);
      expect(first.body.runs.map((r) => r.id)).toEqual(all.body.runs.slice(0, 100).map((r) => r.id));
      expect((await get(`/api/runs?where=${encodeURIComponent('i >= 140')}&limit=5`)).body).toMatchObject({ total: 10, complete: false });
      for (const bad of ['0', '-1', 'x', '1.5', '']) {
        const res = await get(`/api/runs?limit=${bad}`);
        expect(res.status).toBe(400);
        expect(res.body.error?.code).toBe('limit');
      }
    } finally {
      await server.close();
    }
  });
});
