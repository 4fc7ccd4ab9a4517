import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { lockRun } from '@gage/meta';
import type { Run } from '@gage/types';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let runs: string;
let moon: Run;
let room: Run;

const g = (args: string[], input?: string) => gage(['--runs', runs, ...args], { cwd: project, home, input });
const ids = async (args: string[] = []) => JSON.parse((await g(['list', '--json', ...args])).stdout).map((r: { id: string }) => r.id).sort();

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  moon = await makeGreetRun(runs, project, { op: 'hello', name: 'Moon' });
  room = await makeGreetRun(runs, project, { op: 'hello', name: 'Room', label: 'keep' });
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage archive', () => {
  test('archives all runs under a time name; list -A, --list, restore -A, --delete-empty', async () => {
    const r = await g(['archive', '--all', '-y']);
    expect(r.code).toBe(0);
    const m = /^Archived 2 runs to (\d{4}-\d\d-\d\d-\d{6})\n\nUse 'gage restore --archive (\S+)' to restore from this archive\.\n$/.exec(r.stderr);
    expect(m).not.toBeNull();
    const name = m![1]!;
    expect(m![2]).toBe(name);
    expect(await ids()).toEqual([]);
    expect(await ids(['-A', name])).toEqual([moon.id, room.id].sort());
    // Labels travel with the run.
    expect(JSON.parse((await g(['list', '--json', '-A', name])).stdout).map((x: { label: string | null }) => x.label).sort()).toEqual(['keep', null]);
    const list = await g(['archive', '--list']);
    expect(list.stdout).toMatch(
      new RegExp(`^\\| name +\\| runs \\| last archived +\\|\\n\\|-+\\|-+\\|-+\\|\\n\\| ${name} \\|    2 \\| (now|a second ago|\\d+ seconds ago) +\\|\\n$`),
    );
    expect(await g(['restore', '--archive', 'invalid'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: archive 'invalid' does not exist\n\nUse 'gage archive --list' to show available archives.\n",
    });
    expect(await g(['restore', '--archive', name, '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Restored 2 runs\n' });
    expect(await ids()).toEqual([moon.id, room.id].sort());
    expect(await ids(['-A', name])).toEqual([]);
    expect((await g(['archive', '-l'])).stdout).toMatch(new RegExp(`\\| ${name} \\|    0 \\| +\\|\\n$`));
    expect(await g(['archive', '--delete-empty', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Deleted 1 empty archive\n' });
    expect(await g(['archive', '--delete-empty'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing to delete\n' });
    expect((await g(['archive', '-l'])).stdout).toBe('| name | runs | last archived |\n|------|------|---------------|\n');
  });

  test('named archives: -n creates, -A adds, prompt, purge -A, --delete, --rename', async () => {
    const declined = await g(['archive', '1', '-n', 'my archive'], 'n\n');
    expect(declined.stderr).toMatch(/You are about to archive 1 run to my archive\.\n\nContinue\? \(Y\/n\) \n$/);
    expect(await ids()).toHaveLength(2);
    expect(await g(['archive', '1', '-n', 'my archive', '-y'])).toEqual({
      code: 0,
      stdout: '',
      stderr: "Archived 1 run to my archive\n\nUse 'gage restore --archive 'my archive'' to restore from this archive.\n",
    });
    expect(await g(['archive', '-a', '-A', 'nope', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: archive 'nope' does not exist\n\nUse 'gage archive --list' to show available archives.\n",
    });
    expect((await g(['archive', '-a', '-A', 'my archive', '-y'])).stderr).toMatch(/^Archived 1 run to my archive\n/);
    expect(await ids(['-A', 'my archive'])).toEqual([moon.id, room.id].sort());
    expect(await g(['archive', '--delete', 'my archive', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "gage: archive my archive is not empty\n\nRestore its runs ('gage restore --archive my archive') or delete them ('gage purge --archive my archive --all') first.\n",
    });
    expect(await g(['archive', '--rename', 'my archive', 'kept'])).toEqual({ code: 0, stdout: '', stderr: "Renamed archive 'my archive' to 'kept'\n" });
    expect(await g(['purge', '--archive', 'invalid', '--all', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: archive 'invalid' does not exist\n\nUse 'gage archive --list' to show available archives.\n",
    });
    const prompt = await g(['purge', '-A', 'kept', '--all'], '\n');
    expect(prompt.stderr).toMatch(/You are about to PERMANENTLY delete 2 runs\. This cannot be undone\.\n\nContinue\? \(y\/N\) \n$/);
    expect(await g(['purge', '-A', 'kept', '--all', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Permanently deleted 2 runs\n' });
    expect(await readdir(join(runs, '.archives', 'kept'))).toEqual([]);
    expect((await g(['archive', '--list'])).stdout).toBe('| name | runs | last archived |\n|------|------|---------------|\n| kept |    0 |               |\n');
    expect(await g(['archive', '--delete', 'kept', '--yes'])).toEqual({ code: 0, stdout: '', stderr: 'Deleted archive kept\n' });
    expect(await readdir(join(runs, '.archives'))).toEqual([]);
  });

  test('errors: no runs, bad names, incompatible options, --rename arity, a running run', async () => {
    expect(await g(['archive'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "gage: Specify one or more runs to archive or use '--all'.\n\nUse 'gage list' to show available runs.\n\nTry 'gage archive -h' for additional help.\n",
    });
    expect(await g(['archive', 'zzz', '-y'])).toEqual({ code: 1, stdout: '', stderr: 'gage: Nothing selected\n' });
    for (const bad of ['../x', 'a/b', '..', '.hidden']) {
      const r = await g(['archive', '-a', '-n', bad, '-y']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^gage: Invalid archive name '${bad.replace(/\./g, '\\.')}': `));
    }
    expect(await readdir(runs)).not.toContain('.archives');
    expect(await g(['archive', '--rename', 'foo'])).toEqual({ code: 2, stdout: '', stderr: "Error: Option '--rename' requires 2 arguments.\n" });
    expect((await g(['archive', '--rename', 'foo', 'bar'])).stderr).toBe(
      "gage: archive 'foo' does not exist\n\nUse 'gage archive --list' to show available archives.\n",
    );
    expect((await g(['archive', '--list', '--delete', 'x'])).stderr).toBe("list and delete cannot be used together.\n\nTry 'gage archive -h' for help.\n");
    expect((await g(['archive', '--list', '--name', 'x'])).stderr).toBe("list and name cannot be used together.\n\nTry 'gage archive -h' for help.\n");
    expect((await g(['archive', '-l', '-r', 'x', 'y'])).stderr).toBe("list and rename cannot be used together.\n\nTry 'gage archive -h' for help.\n");
    expect((await g(['archive', '-A', 'x', '-n', 'y'])).stderr).toBe("archive and name cannot be used together.\n\nTry 'gage archive -h' for help.\n");
    const lock = await lockRun(moon);
    try {
      const r = await g(['archive', '-a', '-n', 'busy', '-y']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Run "${moon.id}" is in use by another process`);
    } finally {
      await lock.release();
    }
    expect(await ids()).toHaveLength(2);
  });
});
