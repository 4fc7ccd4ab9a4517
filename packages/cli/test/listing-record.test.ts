import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, chmod, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { initRunMetaSync, makeRun, writeListingRecordSync, writeMetaFileSync, writeRunTimestampSync } from '@gage/meta';
import { execRun, finalizeRun } from '@gage/proc';
import { OpCmd, OpDef, OpRef, type Run } from '@gage/types';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

// The listing record (docs/spec/lifecycle.md 21): `gage runs` reads one file
// per finalized run, and must never disagree with `gage show`, whether the
// record is there, missing (older runs, a writer stopped between its steps)
// or the run is in a state that has none.

let project: string;
let home: string;
let runs: string;
let sleeper: ChildProcess;
const made: Record<string, Run> = {};

const g = (args: string[]) => gage(['--runs', runs, ...args], { cwd: project, home });

type RunJson = Record<string, unknown> & { id: string; index: number; status: string };

async function listed(): Promise<RunJson[]> {
  const res = await g(['list', '-a', '--json']);
  expect(res.stderr).toBe('');
  return JSON.parse(res.stdout) as RunJson[];
}

async function shown(id: string): Promise<RunJson> {
  const res = await g(['show', id, '--json']);
  expect(res.stderr).toBe('');
  return JSON.parse(res.stdout) as RunJson;
}

/** Every listed run as `gage show` prints it (what both print; the index aside: show lists the run alone). */
async function expectListingEqualsShow(): Promise<RunJson[]> {
  const list = await listed();
  for (const entry of list) {
    const { index: _index, ...fromList } = entry;
    const show = await shown(entry.id);
    const fromShow = Object.fromEntries(Object.keys(fromList).map((k) => [k, show[k]]));
    expect(fromList).toEqual(fromShow);
  }
  return list;
}

const recordsOf = async () => (await readdir(runs)).filter((n) => n.endsWith('.meta')).map((n) => join(runs, n, 'listing.json'));

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  made.completed = await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
  made.error = await makeGreetRun(runs, project, { op: 'fail' });
  made.labeled = await makeGreetRun(runs, project, { op: 'hello', name: 'Bob', label: 'second try' });
  made.staged = await makeGreetRun(runs, project, { op: 'hello', staged: true });
  // With a run summary (decision 19): its metrics and its run label.
  const summarized = await makeGreetRun(runs, project, { op: 'hello', name: 'Cy', staged: true });
  await writeFile(join(summarized.runDir, 'summary.json'), '{"run": {"label": "from summary"}, "metrics": {"loss": 0.25, "acc": 0.75}}');
  await finalizeRun(summarized, await execRun(summarized));
  made.summarized = summarized;
  // Pending: made and initialized, never staged.
  const pending = await makeRun(runs);
  initRunMetaSync(pending, OpRef('greet', 'hello'), OpDef('hello', { exec: 'true' }, join(project, 'gage.toml')), { name: 'P' }, OpCmd('true', {}));
  made.pending = pending;
  // Terminated: its process ran (started, output) and nobody finalized it.
  const terminated = await makeGreetRun(runs, project, { op: 'hello', staged: true });
  writeRunTimestampSync(terminated, 'started');
  await mkdir(join(terminated.metaDir, 'output'), { recursive: true });
  await writeFile(join(terminated.metaDir, 'output', '40_run'), 'Hello\n');
  made.terminated = terminated;
  // Running: its process (a group leader of its own) is alive.
  const running = await makeGreetRun(runs, project, { op: 'hello', staged: true });
  writeRunTimestampSync(running, 'started');
  sleeper = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
  writeMetaFileSync(running, 'proc/lock', String(sleeper.pid));
  made.running = running;
});

afterAll(async () => {
  sleeper?.kill('SIGKILL');
  await removeTree(project);
  await removeTree(home);
});

describe('the listing record', () => {
  test('finalized runs have one (the texts of the files it summarizes); runs in other states have none', async () => {
    for (const [state, run] of Object.entries(made)) {
      const record = await readFile(join(run.metaDir, 'listing.json'), 'utf8').catch(() => undefined);
      const finalized = ['completed', 'error', 'labeled', 'summarized'].includes(state);
      expect({ state, record: record !== undefined }).toEqual({ state, record: finalized });
      if (record === undefined) continue;
      const files = (JSON.parse(record) as { files: Record<string, string | null> }).files;
      expect(files['proc/exit']).toBe(await readFile(join(run.metaDir, 'proc', 'exit'), 'utf8'));
      expect(files['summary.json']).toBe(await readFile(join(run.metaDir, 'summary.json'), 'utf8').catch(() => null));
    }
  });

  test('gage runs lists every run as gage show shows it, in every state', async () => {
    const list = await expectListingEqualsShow();
    const status = (run: Run) => list.find((r) => r.id === run.id)?.status;
    expect(Object.fromEntries(Object.entries(made).map(([state, run]) => [state, status(run)]))).toEqual({
      completed: 'completed',
      error: 'error',
      labeled: 'completed',
      staged: 'staged',
      summarized: 'completed',
      pending: 'pending',
      terminated: 'terminated',
      running: 'running',
    });
    expect(list.find((r) => r.id === made.summarized?.id)).toMatchObject({ label: 'from summary', summary: { metrics: { acc: 0.75, loss: 0.25 } } });
  });

  test('the listing reads a finalized run from its record, and a file changed since from disk', async () => {
    const run = made.summarized as Run;
    const before = await listed();
    // Files at a round modification time (utimes keeps no nanoseconds) and the record written for them, as finalize writes it.
    const T = new Date(1_700_000_000_000);
    const files = ['config.json', 'summary.json', 'proc/exit'].map((f) => join(run.metaDir, f));
    for (const path of files) await utimes(path, T, T);
    writeListingRecordSync(run);
    const texts = await Promise.all(files.map((path) => readFile(path, 'utf8')));
    // Rewritten by hand with the same size and time (no Gage writer does this): only a listing from the record still shows the old texts.
    const edits: [string, string][] = [['"Cy"', '"Zz"'], ['0.25', '0.50'], ['0', '1']];
    for (const [i, path] of files.entries()) {
      const [from, to] = edits[i] as [string, string];
      await chmod(path, 0o644);
      await writeFile(path, (texts[i] as string).replace(from, to));
      await utimes(path, T, T);
    }
    try {
      expect(await listed()).toEqual(before);
      await appendFile(files[0] as string, ' '); // a change the record's stamp shows: that file is read from disk
      expect((await listed()).find((r) => r.id === run.id)?.config).toEqual({ name: 'Zz' });
    } finally {
      for (const [i, path] of files.entries()) {
        await writeFile(path, texts[i] as string);
        await utimes(path, T, T);
      }
    }
  });

  test('runs without a record (older builds) list the same as with one', async () => {
    const withRecords = await listed();
    const saved = new Map<string, string>();
    for (const path of await recordsOf()) {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      saved.set(path, text);
      await rm(path);
    }
    expect(saved.size).toBe(4);
    try {
      expect(await listed()).toEqual(withRecords);
    } finally {
      for (const [path, text] of saved) await writeFile(path, text, { mode: 0o444 });
    }
    const table = (await g(['runs', '-a', '-0'])).stdout; // no start column: relative times move on
    for (const path of saved.keys()) await rm(path);
    try {
      expect((await g(['runs', '-a', '-0'])).stdout).toBe(table);
    } finally {
      for (const [path, text] of saved) await writeFile(path, text, { mode: 0o444 });
    }
  });

  test('a writer stopped after changing a summarized file (before a new record) never makes the listing disagree with show', async () => {
    const run = made.completed as Run;
    // The steps of a writer up to the crash point: the summarized file written, no new record.
    writeMetaFileSync(run, 'summary.json', '{"metrics": {"loss": 0.5}}');
    const list = await expectListingEqualsShow();
    expect(list.find((r) => r.id === run.id)).toMatchObject({ summary: { metrics: { loss: 0.5 } } });
  });

  test('label and attribute changes show up in the listing of a run with a record', async () => {
    const run = made.labeled as Run;
    expect(await g(['label', '--set', 'relabeled', run.id, '-y'])).toMatchObject({ code: 0, stderr: 'Set label for 1 run\n' });
    const list = await expectListingEqualsShow();
    expect(list.find((r) => r.id === run.id)?.label).toBe('relabeled');
    expect((await g(['runs', '-a'])).stdout).toContain('relabeled');
    expect((await g(['runs', '-a', '-w', 'relabeled'])).stdout).toContain('relabeled');
    expect(await g(['label', '--clear', run.id, '-y'])).toMatchObject({ code: 0 });
    expect((await expectListingEqualsShow()).find((r) => r.id === run.id)?.label).toBeNull();
  });

  test('a running run finalized later gets its record and lists completed', async () => {
    const run = made.staged as Run;
    await finalizeRun(run, await execRun(run));
    await waitFor(async () => (await readFile(join(run.metaDir, 'listing.json'), 'utf8').catch(() => '')) !== '');
    const list = await expectListingEqualsShow();
    expect(list.find((r) => r.id === run.id)?.status).toBe('completed');
  });
});
