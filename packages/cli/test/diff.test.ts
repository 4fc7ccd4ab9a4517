// gage diff (decision 25): two runs side by side, --files, --source, --json; bad input.
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';
import { makeResultRun, trashRun } from './_result-runs.js';

let home: string;
let runs: string;
let a: Run;
let b: Run;
let gone: Run;

const provenance = (commit: string, lock: string) => ({
  git: { commit, branch: 'main', remote: null, dirty: true, patch: { file: 'provenance.patch', bytes: 3n, truncated: false, cap: 1048576n } },
  lockfiles: { 'uv.lock': { sha256: lock } },
  interpreter: { command: 'python3', version: 'Python 3.11.7' },
  platform: { system: 'Linux', release: '6.1', arch: 'x64', machine: 'x86_64', runtime: 'node 20.20.2' },
  cpus: { count: 2n, model: 'cpu' },
  memory: 1000n,
});

beforeAll(async () => {
  home = await testdir();
  runs = join(home, 'runs');
  a = await makeResultRun(runs, {
    config: { lr: 0.1, epochs: 5n, drop: 1n },
    summary: { metrics: { loss: 0.2 }, attributes: { type: 'cnn' } },
    files: { 'train.py': 'a = 1\nb = 2\nc = 3\n', 'data.txt': 'x\n', 'same.py': 'same\n', 'img.bin': 'a\0b' },
    provenance: provenance('1111111111111111111111111111111111111111', 'a'.repeat(64)),
    patch: '--- x\n',
  });
  b = await makeResultRun(runs, {
    config: { lr: 0.01, epochs: 5n, drop: 1.0 },
    summary: { metrics: { loss: 0.1, acc: 0.9 }, attributes: { type: 'cnn' } },
    files: { 'train.py': 'a = 1\nb = 20\nc = 3\n', 'new.py': 'print(1)', 'same.py': 'same\n', 'img.bin': 'a\0c' },
    provenance: provenance('2222222222222222222222222222222222222222', 'a'.repeat(64)),
    patch: '--- y\n',
    label: 'second',
  });
  await makeResultRun(runs, { op: 'eval', exitCode: 1 });
  gone = await makeResultRun(runs, { config: { lr: 0.5 } });
  await trashRun(gone);
}, 60_000);

afterAll(async () => {
  await removeTree(home);
});

// List order: 1 = eval, 2 = b, 3 = a.
const g = (args: string[], env?: Record<string, string>) => gage(['--runs', runs, 'diff', ...args], { cwd: home, home, ...(env ? { env } : {}) });
const rowsOf = (section: string, text: string) => {
  const part = text.split('\n\n').find((p) => p.trimStart().startsWith(section));
  return (part ?? '').trimEnd().split('\n').slice(3).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
};

describe('gage diff A B', () => {
  test('attributes, config, metrics, summary attributes and provenance side by side; * marks what changed', async () => {
    const r = await g(['3', '2'], { COLUMNS: '100' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((r.stdout.split('\n')[0] ?? '').trim()).toBe('Attributes');
    expect(r.stdout.split('\n')[1]).toBe(`|   | attribute | ${a.name}         | ${b.name}         |`);
    const attrs = rowsOf('Attributes', r.stdout);
    expect(attrs.map((row) => [row[0], row[1]])).toEqual([['', 'operation'], ['', 'status'], ['*', 'label'], ['*', 'started'], ['*', 'stopped'], ['',
      'exit_code']]);
    expect(attrs[0]?.slice(2)).toEqual(['proj:train', 'proj:train']);
    expect(attrs[2]?.slice(2)).toEqual(['', 'second']);
    expect(attrs[3]?.[2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // drop: 1 and 1.0 are the same config value; epochs unchanged; lr changed.
    expect(rowsOf('Config', r.stdout)).toEqual([['', 'drop', '1', '1.0'], ['', 'epochs', '5', '5'], ['*', 'lr', '0.1', '0.01']]);
    expect(rowsOf('Metrics', r.stdout)).toEqual([['*', 'acc', '', '0.9'], ['*', 'loss', '0.2', '0.1']]);
    expect(rowsOf('Summary attributes', r.stdout)).toEqual([['', 'type', 'cnn', 'cnn']]);
    expect(rowsOf('Provenance', r.stdout)).toEqual([
      ['*', 'commit', '1'.repeat(40), '2'.repeat(40)],
      ['', 'branch', 'main', 'main'],
      ['', 'dirty', 'true', 'true'],
      ['', 'remote', '', ''],
      ['*', 'patch', expect.stringMatching(/^[0-9a-f]{12}$/), expect.stringMatching(/^[0-9a-f]{12}$/)],
      ['', 'interpreter', 'python3 Python 3.11.7', 'python3 Python 3.11.7'],
      ['', 'lockfile:uv.lock', 'aaaaaaaaaaaa', 'aaaaaaaaaaaa'],
      ['', 'platform', 'Linux 6.1 x86_64, node 20.20.2', 'Linux 6.1 x86_64, node 20.20.2'],
    ]);
  });

  test('--json: a and b, sameRun, sameOperation, and each section as {name, a, b, changed}', async () => {
    const r = await g(['3', '2', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['a', 'b', 'sameRun', 'sameOperation', 'attributes', 'config', 'metrics', 'summaryAttributes', 'provenance']);
    expect(doc.a).toEqual({ id: a.id, name: a.name, operation: 'train' });
    expect(doc.b).toEqual({ id: b.id, name: b.name, operation: 'train' });
    expect([doc.sameRun, doc.sameOperation]).toEqual([false, true]);
    expect(doc.config).toEqual([
      { name: 'drop', a: 1, b: 1, changed: false },
      { name: 'epochs', a: 5, b: 5, changed: false },
      { name: 'lr', a: 0.1, b: 0.01, changed: true },
    ]);
    expect(r.stdout).toContain('"b": 1.0,');
    // An entry one run lacks has no key for that run.
    expect(doc.metrics[0]).toEqual({ name: 'acc', b: 0.9, changed: true });
    expect(doc.attributes.find((e: { name: string }) => e.name === 'exit_code')).toEqual({ name: 'exit_code', a: 0, b: 0, changed: false });
  });

  test('without runs: 2 against 1; with one run: that run against 1', async () => {
    const none = JSON.parse((await g(['--json'])).stdout);
    expect([none.a.name, none.b.operation]).toEqual([b.name, 'eval']);
    const one = JSON.parse((await g([a.name.slice(0, 6), '--json'])).stdout);
    expect([one.a.id, one.b.operation]).toEqual([a.id, 'eval']);
  });

  test('runs of different operations are compared, and that is said', async () => {
    const r = await g(['2', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `Runs ${b.name} and ${
        (JSON.parse((await g(['2', '1', '--json'])).stdout) as { b: { name: string } }).b.name
      } are of different operations (train and eval).\n`,
    );
    expect(rowsOf('Attributes', r.stdout)[0]?.[0]).toBe('*');
  });

  test('a run with itself: said on stderr, everything unchanged, exit 0', async () => {
    const r = await g(['3', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Comparing run ${a.name} with itself: nothing differs.\n`);
    expect(r.stdout).not.toMatch(/^\| \* /m);
    const doc = JSON.parse((await g(['3', a.id, '--json'])).stdout);
    expect(doc.sameRun).toBe(true);
    for (const s of ['attributes', 'config', 'metrics', 'summaryAttributes', 'provenance'])
      expect(doc[s].every((e: { changed: boolean }) => !e.changed)).toBe(true);
    expect((await g(['3', '3', '--files'])).stdout).toBe('| change | path | type |\n|--------|------|------|\n 0 changed, 5 unchanged\n');
  });
});

describe('gage diff --files and --source', () => {
  test('--files: added, removed and changed files by manifest digest, then the counts', async () => {
    const r = await g(['3', '2', '--files']);
    expect(r.stdout).toBe(
      '| change  | path         | type        |\n' +
        '|---------|--------------|-------------|\n' +
        '| removed | data.txt     | source code |\n' +
        '| changed | img.bin      | source code |\n' +
        '| added   | new.py       | source code |\n' +
        '| changed | summary.json | generated   |\n' +
        '| changed | train.py     | source code |\n' +
        ' 5 changed, 1 unchanged\n',
    );
    const doc = JSON.parse((await g(['3', '2', '--files', '--json'])).stdout);
    expect(doc.files.map((f: { path: string; change: string }) => [f.path, f.change])).toEqual([['data.txt', 'removed'], ['img.bin', 'changed'], ['new.py',
      'added'], ['summary.json', 'changed'], ['train.py', 'changed']]);
    expect(doc.files[0]).toEqual({ path: 'data.txt', change: 'removed', type: 'source code', a: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(doc.unchanged).toBe(1);
  });

  test('--source: a unified diff of each source code file that changed (not the generated summary.json), which git apply takes', async () => {
    const r = await g(['3', '2', '--source']);
    expect(r.stdout).toBe(
      '--- a/data.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n' +
        'Binary files a/img.bin and b/img.bin differ\n' +
        '--- /dev/null\n+++ b/new.py\n@@ -0,0 +1 @@\n+print(1)\n\\ No newline at end of file\n' +
        '--- a/train.py\n+++ b/train.py\n@@ -1,3 +1,3 @@\n a = 1\n-b = 2\n+b = 20\n c = 3\n',
    );
    const doc = JSON.parse((await g(['3', '2', '--source', '--json'])).stdout);
    expect(doc.source.map((p: { path: string; change: string }) => [p.path, p.change])).toEqual([['data.txt', 'removed'], ['img.bin', 'changed'], ['new.py',
      'added'], ['train.py', 'changed']]);
    // The text patches apply to a copy of run A's files.
    const work = await mkdtemp(join(tmpdir(), 'gage-apply-'));
    try {
      await mkdir(join(work, 'x'));
      await writeFile(join(work, 'train.py'), 'a = 1\nb = 2\nc = 3\n');
      await writeFile(join(work, 'data.txt'), 'x\n');
      const text = doc.source.filter((p: { path: string }) => p.path !== 'img.bin').map((p: { patch: string }) => p.patch).join('');
      const applied = spawnSync('git', ['apply', '-'], { cwd: work, input: text, encoding: 'utf8' });
      if (applied.error) return; // no git on this machine
      expect(applied.stderr).toBe('');
      expect(spawnSync('cat', ['train.py', 'new.py'], { cwd: work, encoding: 'utf8' }).stdout).toBe('a = 1\nb = 20\nc = 3\nprint(1)');
    } finally {
      await removeTree(work);
    }
  });

  test('--files with --source is an incompatible pair', async () => {
    expect(await g(['--files', '--source'])).toEqual({ code: 1, stdout: '',
      stderr: "files and source cannot be used together.\n\nTry 'gage diff -h' for help.\n" });
  });
});

describe('gage diff: bad input', () => {
  test('a deleted run is named, with how to restore it or diff deleted runs; -d diffs the trash', async () => {
    const r = await g([gone.name, '1']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `gage: '${gone.name}' matches no run, but the deleted run ${gone.name}\n\nRestore it with 'gage restore ${gone.name}', or compare deleted runs with 'gage diff -d'.\n`,
    });
    const d = await g(['-d', gone.name, gone.name.slice(0, 5), '--json']);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout).sameRun).toBe(true);
  });

  test('a spec that matches nothing, or several runs', async () => {
    expect(await g(['zzz', '1'])).toEqual({ code: 1, stdout: '', stderr: "gage: No runs match 'zzz'\n\nUse 'gage list' to show available runs.\n" });
    expect((await g(['1', '2', '3'])).code).toBe(2);
  });

  test('without runs and fewer than two runs', async () => {
    const empty = join(home, 'empty');
    expect(await gage(['--runs', empty, 'diff'], { cwd: home, home })).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Not enough runs to compare: there are none\n\nUse 'gage diff RUN-A RUN-B' to name two runs, or 'gage list' to show available runs.\n",
    });
    await makeResultRun(empty);
    expect((await gage(['--runs', empty, 'diff'], { cwd: home, home })).stderr).toMatch(/^gage: Not enough runs to compare: there is only 1\n/);
  });
});
