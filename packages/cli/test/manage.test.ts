import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir } from '@gage/test-utils';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let runs: string;

const g = (args: string[], input?: string) => gage(['--runs', runs, ...args], { cwd: project, home, input });

async function ids(): Promise<{ active: string[]; deleted: string[] }> {
  const names = await entries(runs);
  return {
    active: names.filter((n) => n.endsWith('.meta')).map((n) => n.slice(0, -5)),
    deleted: names.filter((n) => n.endsWith('.meta.deleted')).map((n) => n.slice(0, -13)),
  };
}

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
  await makeGreetRun(runs, project, { op: 'fail' });
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage delete', () => {
  test('needs runs or --all', async () => {
    expect(await g(['rm'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Specify a run to delete or use '--all'.\n\nUse 'gage list' to show available runs.\n\nTry 'gage rm -h' for additional help.\n",
    });
    expect(await g(['delete', '-a', '1'])).toEqual({ code: 1, stdout: '',
      stderr: "all and runs cannot be used together.\n\nTry 'gage delete -h' for help.\n" });
    expect((await g(['del', '1', '--all'])).stderr).toBe("runs and all cannot be used together.\n\nTry 'gage del -h' for help.\n");
  });

  test('nothing selected exits 1', async () => {
    expect(await g(['rm', 'zzz', '-y'])).toEqual({ code: 1, stdout: '', stderr: 'gage: Nothing selected\n' });
  });

  test('prompts with the runs table; declining changes nothing', async () => {
    const r = await g(['rm', '1'], 'n\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^\| # \| name  \| operation \|.*\n\|---\|.*\n\| 1 \| \w{5} \| fail .*\nYou are about to delete 1 run\.\n\nContinue\? \(Y\/n\) \n$/,
    );
    expect((await ids()).deleted).toEqual([]);
  });

  test('--where without specs implies --all; moves meta to .meta.deleted; restore moves it back', async () => {
    const before = await ids();
    expect(await g(['rm', '-w', 'error', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Deleted 1 run\n' });
    const after = await ids();
    expect(after.active.length).toBe(1);
    expect(after.deleted.length).toBe(1);
    expect([...after.active, ...after.deleted].sort()).toEqual(before.active.sort());
    const trash = await g(['list', '-d', '-0']);
    expect(trash.stdout.split('\n')[2]).toMatch(/^\| 1 \| fail +\| error /);
    expect(await g(['restore', '1'], '\n')).toEqual({
      code: 0,
      stdout: '',
      stderr: expect.stringMatching(/You are about to restore 1 run\.\n\nContinue\? \(Y\/n\) \nRestored 1 run\n$/) as unknown as string,
    });
    expect((await ids()).active.sort()).toEqual(before.active.sort());
  });

  test('-p removes every file of the run', async () => {
    const r = await g(['rm', '-p', '-a'], 'y\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/You are about to PERMANENTLY delete 2 runs\. This cannot be undone\.\n\nContinue\? \(y\/N\) \nPermanently deleted 2 runs\n$/);
    expect(await entries(runs)).toEqual([]);
  });
});

describe('gage restore and purge', () => {
  test('missing selection texts', async () => {
    expect((await g(['restore'])).stderr).toBe(
      "gage: Specify a run to restore or use '--all'.\n\nUse 'gage list --deleted' to show deleted runs.\n\nTry 'gage restore -h' for additional help.\n",
    );
    expect((await g(['purge'])).stderr).toBe(
      "gage: Specify a deleted run to remove or use '--all'.\n\nUse 'gage list --deleted' to show deleted runs.\n\nTry 'gage purge -h' for additional help.\n",
    );
  });

  test('nothing selected exits 0', async () => {
    expect(await g(['restore', '-a'])).toEqual({ code: 0, stdout: '', stderr: 'gage: Nothing selected\n' });
    expect(await g(['purge', '-a'])).toEqual({ code: 0, stdout: '', stderr: 'gage: Nothing selected\n' });
  });

  test('purge prompts with default no, then removes the trashed runs', async () => {
    expect((await g(['rm', '-a', '-y'])).stderr).toBe('Deleted 2 runs\n');
    const declined = await g(['purge', '--all'], '\n');
    expect(declined.code).toBe(0);
    expect(declined.stderr.endsWith('You are about to PERMANENTLY delete 2 runs. This cannot be undone.\n\nContinue? (y/N) \n')).toBe(true);
    expect((await ids()).deleted.length).toBe(2);
    expect(await g(['purge', '1', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Permanently deleted 1 run\n' });
    expect((await ids()).deleted.length).toBe(1);
    expect(await g(['purge', '-a'], 'y\n')).toMatchObject({ code: 0 });
    expect(await entries(runs)).toEqual([]);
  });

  test('purge --all also removes the files of runs that no longer exist; check warns about them', async () => {
    const orphan = '6f1c2d3e-1111-4222-8333-444455556666';
    await mkdir(join(runs, orphan));
    await writeFile(join(runs, orphan, 'big.bin'), 'x');
    await mkdir(join(runs, `${orphan}.user`));
    await writeFile(join(runs, `${orphan}.project`), 'file:..');
    const check = await g(['check']);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe(`WARNING: 3 files in "${runs}" belong to no run (left by interrupted deletes); remove them with 'gage purge --all'\n`);
    // The trash is empty: the leftovers alone are listed and removed.
    const declined = await g(['purge', '--all'], '\n');
    expect(declined.stderr).toBe(
      `  ${join(runs, orphan)}\n  ${join(runs, `${orphan}.project`)}\n  ${join(runs, `${orphan}.user`)}\n\n` +
        'You are about to PERMANENTLY delete 3 leftover files of runs that no longer exist. This cannot be undone.\n\nContinue? (y/N) \n',
    );
    expect(await entries(runs)).toContain(orphan);
    expect((await g(['rm', '1', '-y'])).code).toBe(0);
    const purge = await g(['purge', '--all', '-y']);
    expect(purge).toEqual({ code: 0, stdout: '', stderr: 'Permanently deleted 1 run\nRemoved 3 leftover files of runs that no longer exist\n' });
    expect((await ids()).deleted).toEqual([]);
    expect((await entries(runs)).filter((n) => n.startsWith(orphan))).toEqual([]);
    expect((await g(['check'])).stderr).toBe('');
  });

  test('an unknown archive', async () => {
    expect((await g(['restore', '-A', 'x'])).stderr).toBe("gage: archive 'x' does not exist\n\nUse 'gage archive --list' to show available archives.\n");
  });
});

describe('gage label', () => {
  test('needs --set or --clear, then runs', async () => {
    expect(await g(['label'])).toEqual({ code: 1, stdout: '', stderr: "gage: Specify either '--set' or '--clear'\n\nTry 'gage label --help' for help.\n" });
    expect((await g(['label', '-s', 'x'])).stderr).toBe(
      "gage: Specify a run to modify or use '--all'.\n\nUse 'gage list' to show available runs.\n\nTry 'gage label -h' for additional help.\n",
    );
    expect((await g(['label', '-s', 'x', '-c', '1'])).stderr).toBe("set and clear cannot be used together.\n\nTry 'gage label -h' for help.\n");
  });

  test('sets and clears labels', async () => {
    const set = await g(['label', '--set', 'best', '2'], 'y\n');
    expect(set.stderr).toMatch(/You are about to set the label of 1 run to 'best'\.\n\nContinue\? \(Y\/n\) \nSet label for 1 run\n$/);
    expect((await g(['select', '--label', '2'])).stdout).toBe('best\n');
    expect((await g(['list', '-0', '-w', 'best'])).stdout).toMatch(/\| 1 \| hello +\| completed \| best name=Ada +\|/);
    expect(await g(['label', '-c', '-a', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Cleared label for 2 runs\n' });
    expect((await g(['select', '--label', '2'])).stdout).toBe('\n');
  });
});
