import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { logUserAttrs } from '@gage/meta';
import type { Run } from '@gage/types';
import { BIN, GREET, gage, gageBin, gageEnv, gageOnTerminal } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let runs: string;
let backup: string;
let one: Run;
let two: Run;

const g = (args: string[], input?: string, env?: Record<string, string>) => gage(['--runs', runs, ...args], { cwd: project, home, input, env });
const idsIn = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.meta')).map((n) => n.slice(0, -5)).sort();

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  backup = join(home, 'backup');
  one = await makeGreetRun(runs, project, { op: 'hello', name: 'Gage', label: 'Run 1' });
  two = await makeGreetRun(runs, project, { op: 'hello', name: 'Joe', label: 'Run 2' });
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage copy (directories)', () => {
  test('copies all runs; a second copy transfers nothing; --sync removes the rest', async () => {
    expect(await g(['copy', '--all', '--dest', backup, '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Copied 2 runs\n' });
    expect(await idsIn(backup)).toEqual([one.id, two.id].sort());
    // No project reference travels; user attributes do.
    expect((await entries(backup)).filter((n) => n.endsWith('.project'))).toEqual([]);
    const listed = JSON.parse((await gage(['--runs', backup, 'list', '--json'], { cwd: home, home })).stdout);
    expect(listed.map((r: { label: string }) => r.label)).toEqual(['Run 2', 'Run 1']);
    expect(await g(['copy', '--all', '--dest', backup, '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing copied, runs are up-to-date\n' });
    // A new label travels on the next copy, and only it.
    await logUserAttrs(one, { label: 'Run 1 (best)' });
    expect(await g(['copy', one.id, '--to', backup, '-y', '-v'])).toEqual({ code: 0, stdout: '',
      stderr: `Updated the attributes of run ${one.name}\nCopied 1 run\n` });
    expect(await g(['copy', '--all', '--where', 'Run 1', '--sync', '--dest', backup, '-y'])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Nothing copied, runs are up-to-date\nRemoved 1 run from ${backup}\n`,
    });
    expect(await idsIn(backup)).toEqual([one.id]);
  });

  test('a progress line of runs on a terminal, removed before the result; nothing of it on a pipe', async () => {
    const to = gageOnTerminal(['--runs', runs, 'copy', '--all', '--dest', backup, '-y'], { cwd: project, home });
    expect(to.code).toBe(0);
    const lines = (shown: string) => shown.split('\r\x1b[2K').map((l) => l.replace(/^\S+ /, ''));
    expect(lines(to.shown)).toEqual(
      expect.arrayContaining(['Preparing copy', `Copying runs ${'░'.repeat(20)} 0/2`, `Copying runs ${'█'.repeat(10)}${'░'.repeat(10)} 1/2`,
        `Copying runs ${'█'.repeat(20)} 2/2`]),
    );
    expect(to.shown.endsWith('\r\x1b[2KCopied 2 runs\r\n')).toBe(true);
    const fresh = join(home, 'fresh');
    const from = gageOnTerminal(['--runs', fresh, 'copy', '--all', '--src', backup, '-y'], { cwd: project, home });
    expect(from.code).toBe(0);
    expect(lines(from.shown)).toEqual(expect.arrayContaining([`Copying runs ${'█'.repeat(20)} 2/2`]));
    expect(from.shown.endsWith('\r\x1b[2KCopied runs\r\n')).toBe(true);
    // On a pipe (the built bin, stderr not a TTY): only the result.
    expect(await gageBin(['--runs', runs, 'copy', '--all', '--dest', join(home, 'other'), '-y'], { cwd: project, home })).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Copied 2 runs\n',
    });
  });

  test('prompts with the runs table', async () => {
    const r = await g(['copy', '1', '--dest', backup], 'n\n');
    expect(r.stderr).toMatch(new RegExp(`You are about to copy 1 run to ${backup}\\n\\nContinue\\? \\(Y/n\\) \\n$`));
    expect(await idsIn(backup)).toEqual([]);
  });

  test('copies from a directory: needs --all; runs already here keep their project', async () => {
    await g(['copy', '2', '--dest', backup, '-y']);
    const other = join(home, 'other-runs');
    await makeGreetRun(other, project, { op: 'fail' });
    await g(['--runs', other, 'copy', '-a', '--dest', backup, '-y']);
    expect(await g(['copy', '--src', backup])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Copying from a location copies all of its runs: use '--all' (and no run specs).\n\nTry 'gage copy -h' for help.\n",
    });
    expect((await g(['copy', '--src', backup, '-a', '-w', 'x'])).stderr).toBe("src and where cannot be used together.\n\nTry 'gage copy -h' for help.\n");
    const prompt = await g(['copy', '--from', backup, '-a'], 'n\n');
    expect(prompt.stderr).toBe(`You are about to copy all runs from ${backup}\n\nContinue? (Y/n) \n`);
    expect(await g(['copy', '--from', backup, '-a', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Copied runs\n' });
    expect((await idsIn(runs)).length).toBe(3);
    expect((await entries(runs)).filter((n) => n.endsWith('.project')).length).toBe(2);
    expect(await g(['copy', '--from', backup, '-a', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing copied, runs are up-to-date\n' });
  });

  test('only finished runs are copied', async () => {
    const staged = await makeGreetRun(runs, project, { op: 'hello', staged: true });
    expect(await g(['copy', '-a', '--dest', backup, '-y'])).toEqual({ code: 0, stdout: '',
      stderr: `Skipped run ${staged.name}: it is staged\nCopied 2 runs\n` });
    expect(await idsIn(backup)).not.toContain(staged.id);
  });

  test('errors: no runs, no location, a destination in the runs dir or the runs dir itself', async () => {
    expect(await g(['copy', '--dest', backup])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Specify a run to copy or use '--all'.\n\nUse 'gage list' to show available runs.\n\nTry 'gage copy -h' for additional help.\n",
    });
    expect(await g(['copy', '-a'])).toEqual({ code: 1, stdout: '', stderr: "gage: Option '--src' or '--dest' is required.\n\nTry 'gage copy -h' for help.\n" });
    expect((await g(['copy', '-a', '123'])).stderr).toBe("all and runs cannot be used together.\n\nTry 'gage copy -h' for help.\n");
    expect(await g(['copy', '-a', '--dest', runs, '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `gage: Cannot copy runs to "${runs}": it is the runs directory\n\nCopy to a directory outside the runs directory.\n`,
    });
    const inside = join(runs, 'sub', 'dir');
    expect((await g(['copy', '-a', '--dest', inside, '-y'])).stderr).toBe(
      `gage: Cannot copy runs to "${inside}": it is inside the runs directory "${runs}"\n\nCopy to a directory outside the runs directory.\n`,
    );
    expect(await readdir(runs)).not.toContain('sub');
    expect((await g(['copy', '-a', '--src', runs, '-y'])).stderr).toBe(
      `gage: Cannot copy runs: the source "${runs}" is the runs directory\n\nGive another directory with --src.\n`,
    );
  });

  test('a destination that fills up: the runs copied before stay intact, nothing of the failed run is visible', async () => {
    // A big file in the newest run; RLIMIT_FSIZE (`ulimit -f`, KiB) makes writing it fail with EFBIG, as a full disk fails with ENOSPC.
    await writeFile(join(two.runDir, 'big.bin'), Buffer.alloc(512 * 1024, 1));
    await g(['copy', one.id, '--dest', backup, '-y']);
    const script = `ulimit -f 256; exec node "${BIN}" --runs "${runs}" copy -a --dest "${backup}" -y`;
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-c', script], { cwd: project, env: gageEnv({ home }) });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code, signal) => resolve({ code, stderr: stderr + (signal ?? '') }));
    });
    expect(r.stderr).toBe(
      `gage: Cannot copy run "${two.id}" to "${backup}": file too large ("${join(backup, `.${two.id}.copy-`)}` +
        r.stderr.split(`.${two.id}.copy-`)[1]!.split('"')[0] + '")\n\n' +
        'The file is larger than the file system or the file size limit (ulimit -f) allows.\n' +
        `Nothing of run "${two.id}" was left there; the runs copied before it are complete.\n`,
    );
    expect(r.code).toBe(1);
    expect(await idsIn(backup)).toEqual([one.id]);
    expect((await readdir(backup)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect((await readdir(backup)).sort()).toEqual([one.id, `${one.id}.meta`, `${one.id}.user`].sort());
    expect(await idsIn(runs)).toEqual([one.id, two.id].sort());
  });
});
