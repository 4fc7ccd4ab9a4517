import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { PassThrough } from 'node:stream';
import type { Io } from '../src/io.js';
import { runMain } from '../src/main.js';
import { gage, gageEnv, startGage } from './_helpers.js';

/** `lines` prints on both streams, ending with a line without LF; `fail` exits 3; `nap` sleeps `ms`. */
const PROJECT: Record<string, string> = {
  'gage.toml': `[lines]
exec = ["node", "lines.cjs"]

[fail]
exec = ["node", "-e", "process.exit(3)"]

[nap]
exec = "node nap.cjs"
config = "nap.json"
`,
  'lines.cjs': `process.stdout.write('one\\ntwo\\n');
process.stderr.write('err\\n');
setTimeout(() => process.stdout.write('last'), 50);
`,
  'nap.cjs': `const { ms } = JSON.parse(require('fs').readFileSync('nap.json', 'utf8'));
console.log('nap ' + ms);
setTimeout(() => {}, ms);
`,
  'nap.json': '{"ms": 10}\n',
};

let project: string;
let home: string;
let runsDir: string;

beforeEach(async () => {
  project = await testdir(PROJECT);
  home = await testdir();
  runsDir = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[], input?: string) => gage(['--runs', runsDir, ...args], { cwd: project, home, input });

/** Stages runs of `op` one after the other; returns them oldest first. */
async function stage(op: string, count: number, flags: string[] = []): Promise<Run[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await g(['run', op, ...flags, '--stage', '-y']);
    expect(r.code).toBe(0);
    names.push((/Run "(.+)" is staged/.exec(r.stdout) as RegExpExecArray)[1] as string);
  }
  const runs = await listRuns(runsDir);
  return names.map((name) => runs.find((r) => r.name === name) as Run);
}

const statuses = (runs: Run[]) => Promise.all(runs.map((r) => runStatus(r)));
const starts = async (run: Run) => readMetaFileSync(run, 'log/runner')?.split('\n').filter((l) => l.includes('Starting run process')).length ?? 0;

describe('gage run --start RUN... (several runs)', () => {
  test('-j 2 runs them all; every echoed line of each stream starts with [name], none is split', async () => {
    const runs = await stage('lines', 3);
    const r = await g(['run', '--start', ...runs.map((x) => x.name), '-j', '2', '-y']);
    expect(r.code).toBe(0);
    expect(await statuses(runs)).toEqual(['completed', 'completed', 'completed']);
    for (const run of runs) {
      const p = `[${run.name}] `;
      expect(r.stdout.split('\n').filter((l) => l.startsWith(p))).toEqual([`${p}one`, `${p}two`, `${p}last`]);
      expect(r.stderr.split('\n').filter((l) => l.startsWith(p))).toEqual([`${p}err`]);
      // The record has no prefix and keeps the last line without LF (the streams in the order they came).
      const record = await readFile(join(run.metaDir, 'output', '40_run'), 'utf8');
      expect(record).not.toContain('[');
      expect(record.startsWith('one\ntwo\n') || record.startsWith('err\n')).toBe(true);
      expect(record.length).toBe('one\ntwo\nerr\nlast'.length);
    }
    expect(r.stdout.split('\n').filter((l) => l !== '').every((l) => /^\[\w+-\w+\] (one|two|last)$/.test(l))).toBe(true);
    expect(r.stderr.split('\n').filter((l) => l !== '').every((l) => /^\[\w+-\w+\] err$/.test(l))).toBe(true);
  });

  test('-j 1 runs them one after the other, oldest first, without prefixes; -w and a slice select them', async () => {
    const runs = await stage('nap', 3);
    await stage('lines', 1); // not matched by -w nap
    const r = await g(['run', '--start', ':', '-w', 'nap', '-y']);
    expect(r).toEqual({ code: 0, stdout: 'nap 10\nnap 10\nnap 10\n', stderr: '' });
    const started = await Promise.all(runs.map(async (run) => Number(readMetaFileSync(run, 'started'))));
    expect([...started].sort()).toEqual(started); // in the order they were staged
    expect(await statuses(runs)).toEqual(['completed', 'completed', 'completed']);
  });

  test('asks once for all of them, with the runs table; "n" starts nothing', async () => {
    const runs = await stage('nap', 2);
    const r = await g(['run', '--start', runs[0]?.name as string, runs[1]?.name as string], 'n\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\| # \| name +\| operation \| started \| status +\| description +\|\n/);
    expect(r.stderr).toContain('\nYou are about to start 2 runs.\n\nContinue? (Y/n) \n');
    expect(await statuses(runs)).toEqual(['staged', 'staged']);
  });

  test('a failed run starts no new one: the batch messages, its exit code, the rest stay staged', async () => {
    const [failing] = await stage('fail', 1);
    const rest = await stage('nap', 2);
    const r = await g(['run', '--start', ':', '-y']);
    const name = (failing as Run).name;
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`\nRun ${name} exited with an error (3)\nTry 'gage show ${name}' for run details.\n` +
      '2 runs were not started and are still staged (use --keep-going to start every run)\n');
    expect(await statuses([failing as Run, ...rest])).toEqual(['error', 'staged', 'staged']);
  });

  test('--keep-going starts every run whatever fails, and exits with the first failure', async () => {
    const [failing] = await stage('fail', 1);
    const rest = await stage('nap', 2);
    const r = await g(['run', '--start', ':', '-y', '--keep-going', '-j', '2']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Run ${(failing as Run).name} exited with an error (3)`);
    expect(r.stderr).not.toContain('not started');
    expect(await statuses([failing as Run, ...rest])).toEqual(['error', 'completed', 'completed']);
  });

  test('-j larger than the runs is fine; -j 0 and -j x are usage errors, nothing started', async () => {
    const runs = await stage('nap', 2);
    for (const [value, why] of [['0', 'is not in the range x>=1'], ['-3', 'is not in the range x>=1'], ['x', 'is not a valid integer'], ['1.5',
      'is not a valid integer']])
    {
      const r = await g(['run', '--start', ':', '-j', value as string, '-y']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Error: Invalid value for '-j' / '--jobs': '${value}' ${why}.\n`);
    }
    expect(await statuses(runs)).toEqual(['staged', 'staged']);
    expect((await g(['run', '--start', ':', '-j', '64', '-y'])).code).toBe(0);
    expect(await statuses(runs)).toEqual(['completed', 'completed']);
  });

  test('runs that are not startable are skipped with the reason; the others run', async () => {
    const runs = await stage('nap', 3);
    expect((await g(['run', '--start', runs[0]?.name as string, '-y'])).code).toBe(0);
    const r = await g(['run', '--start', ...runs.map((x) => x.name), '-y']);
    expect(r).toEqual({ code: 0, stdout: 'nap 10\nnap 10\n', stderr: `Skipped run ${runs[0]?.name}: it is 'completed'\n` });
    const again = await g(['run', '--start', ':', '-y']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(runs.map((x) => `Skipped run ${x.name}: it is 'completed'\n`).reverse().join('') +
      "gage: Nothing to start\n\nOnly staged runs can be started with '--start'.\n");
  });

  test('every spec must match a run; -w needs --start', async () => {
    const runs = await stage('nap', 1);
    const r = await g(['run', '--start', runs[0]?.name as string, 'zzz', '-y']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: "gage: No runs match 'zzz'\n\nUse 'gage list' to show available runs.\n" });
    expect(await g(['run', 'nap', '-w', 'staged', '-y'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: '--where' can only be used with '--start'\n\nTry 'gage run -h' for help.\n" });
    expect(await statuses(runs)).toEqual(['staged']);
  });

  test('on a terminal a status line counts done, running, staged and failed runs; output scrolls above it', async () => {
    const runs = await stage('nap', 3);
    const err: string[] = [];
    const out: string[] = [];
    const tty = (chunks: string[]) => ({ isTTY: true, columns: 80, write: (d: string | Uint8Array) => chunks.push(Buffer.from(d).toString()) > 0 });
    const stdin = new PassThrough();
    stdin.end();
    const io: Io = { stdout: tty(out), stderr: tty(err), stdin, env: { ...gageEnv({ home }), TERM: 'xterm' } };
    const code = await runMain(['--runs', runsDir, 'run', '--start', ...runs.map((r) => r.name), '-j', '2', '-y'], io, { cwd: project });
    expect(code).toBe(0);
    const lines = err.join('').split('\r\x1b[2K').map((l) => l.replace(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /, '')).filter((l) => l !== '');
    expect(lines).toContain('0 done, 0 running, 3 staged, 0 failed');
    expect(lines).toContain('0 done, 2 running, 1 staged, 0 failed');
    expect(lines.at(-1)).toBe('3 done, 0 running, 0 staged, 0 failed');
    expect(err.join('').endsWith('\r\x1b[2K')).toBe(true); // the line is removed at the end
    expect(out.join('').split('\n').filter((l) => l !== '').sort()).toEqual(runs.map((r) => `[${r.name}] nap 10`).sort());
  });

  test('two --start of the same staged runs at once: each run runs exactly once, the loser skips it', async () => {
    const runs = await stage('nap', 6, ['ms=200']);
    const names = runs.map((x) => x.name);
    const a = startGage(['--runs', runsDir, 'run', '--start', ...names, '-j', '2', '-y'], { cwd: project, home });
    const b = startGage(['--runs', runsDir, 'run', '--start', ...names, '-j', '2', '-y'], { cwd: project, home });
    a.stdin.end();
    b.stdin.end();
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(await statuses(runs)).toEqual(runs.map(() => 'completed'));
    for (const run of runs) {
      expect(await starts(run)).toBe(1);
      const ran = [ra, rb].filter((x) => x.stdout.includes(`[${run.name}] nap 200`));
      expect(ran.length).toBe(1);
      const other = ra === ran[0] ? rb : ra;
      expect(other.stderr).toMatch(new RegExp(`Skipped run ${run.name}: (in use by another process|it is '(running|completed)')\\n`));
    }
    expect((await entries(runsDir)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });
});
