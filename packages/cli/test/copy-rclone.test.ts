import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { logUserAttrs } from '@gage/meta';
import type { Run } from '@gage/types';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';
import { RCLONE_INSTALL } from '../src/commands/_rclone.js';

// These tests need rclone (Debian's `rclone`); tools/setup-system.sh installs it. Without it they fail, never skip.
beforeAll(() => {
  if (spawnSync('rclone', ['version']).error) {
    throw new Error(`rclone is not installed: run tools/setup-system.sh, or as root: ${RCLONE_INSTALL}`);
  }
});

let project: string;
let home: string;
let runs: string;
let store: string;
let env: Record<string, string>;
let one: Run;
let two: Run;

const g = (args: string[], input?: string, more: Record<string, string> = {}) =>
  gage(['--runs', runs, ...args], { cwd: project, home, input, env: { ...env, ...more } });
const idsIn = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.meta')).map((n) => n.slice(0, -5)).sort();

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  store = join(home, 'store');
  // A remote of type local: rclone does its work, no network is used.
  await writeFile(join(home, 'rclone.conf'), '[bk]\ntype = local\n');
  env = { RCLONE_CONFIG: join(home, 'rclone.conf') };
  one = await makeGreetRun(runs, project, { op: 'hello', name: 'Gage', label: 'Run 1' });
  two = await makeGreetRun(runs, project, { op: 'hello', name: 'Joe', label: 'Run 2' });
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage copy (rclone remotes)', () => {
  test('to a remote: verified, complete runs only; a second copy transfers nothing; new labels travel', async () => {
    expect(await g(['copy', '-a', '--dest', `bk:${store}`, '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Copied 2 runs\n' });
    expect(await idsIn(store)).toEqual([one.id, two.id].sort());
    expect((await readdir(store)).filter((n) => n.startsWith('.') || n.endsWith('.project'))).toEqual([]);
    const listed = JSON.parse((await gage(['--runs', store, 'list', '--json'], { cwd: home, home })).stdout);
    expect(listed.map((r: { label: string; status: string }) => [r.label, r.status])).toEqual([['Run 2', 'completed'], ['Run 1', 'completed']]);
    expect(await g(['copy', '-a', '--dest', `bk:${store}`, '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing copied, runs are up-to-date\n' });
    await logUserAttrs(one, { label: 'Run 1 (best)' });
    expect(await g(['copy', '-a', '--dest', `bk:${store}`, '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Copied 1 run\n' });
    const relabelled = JSON.parse((await gage(['--runs', store, 'list', '--json'], { cwd: home, home })).stdout);
    expect(relabelled.map((r: { label: string }) => r.label)).toEqual(['Run 2', 'Run 1 (best)']);
    expect(await g(['copy', one.id, '--sync', '--dest', `bk:${store}`, '-y'])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Nothing copied, runs are up-to-date\nRemoved 1 run from bk:${store}\n`,
    });
    expect(await idsIn(store)).toEqual([one.id]);
  });

  test('from a remote into another runs dir, then nothing more', async () => {
    await g(['copy', '-a', '--dest', `bk:${store}`, '-y']);
    const fresh = join(home, 'fresh');
    const from = (args: string[]) => gage(['--runs', fresh, ...args], { cwd: home, home, env });
    expect(await from(['copy', '--src', `bk:${store}`, '-a', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Copied runs\n' });
    expect(await idsIn(fresh)).toEqual([one.id, two.id].sort());
    expect((await readdir(fresh)).filter((n) => n.startsWith('.'))).toEqual([]);
    const shown = JSON.parse((await gage(['--runs', fresh, 'show', '--json', two.id], { cwd: home, home })).stdout);
    expect([shown.label, shown.status, shown.files.map((f: { path: string }) => f.path).sort()]).toEqual(['Run 2', 'completed', ['config.json', 'hello.cjs']]);
    expect(await from(['copy', '--src', `bk:${store}`, '-a', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Nothing copied, runs are up-to-date\n' });
  });

  test('an undefined remote; rclone missing from PATH', async () => {
    expect(await g(['copy', '-a', '--dest', 'nope:x', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Undefined remote \"nope\"\n\nDefine it with 'rclone config' (RCLONE_CONFIG names the config file). See 'gage help remotes' for more.\n",
    });
    const noRclone = await g(['copy', '-a', '--dest', `bk:${store}`, '-y'], '', { PATH: '/nonexistent' });
    expect(noRclone).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `gage: Copying to or from a remote needs rclone, which is not installed (not on PATH)\n\nInstall it, e.g. on Debian or Ubuntu: ${RCLONE_INSTALL}\n`,
    });
    expect(await idsIn(store)).toEqual([]);
  });
});
