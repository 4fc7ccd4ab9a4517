import { spawnSync } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { logUserAttrs } from '@gage/meta';
import type { Run } from '@gage/types';
import { GREET, gage, gageOnTerminal } from './_helpers.js';
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
/** The permission bits (octal) of every file of run `id` in `dir`: run dir, meta dir, user attributes (not the project reference). */
async function modes(dir: string, id: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const part of [id, `${id}.meta`, `${id}.user`]) {
    const entries = await readdir(join(dir, part), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile()) continue;
      const path = join(e.parentPath, e.name);
      out[relative(dir, path)] = ((await stat(path)).mode & 0o777).toString(8);
    }
  }
  return out;
}
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

  test('a run copied back from a remote has the modes finalize set (rclone keeps none)', async () => {
    await g(['copy', '-a', '--dest', `bk:${store}`, '-y']);
    const fresh = join(home, 'fresh');
    expect(await gage(['--runs', fresh, 'copy', '--src', `bk:${store}`, '-a', '-y'], { cwd: home, home, env })).toMatchObject({ code: 0 });
    for (const run of [one, two]) {
      const before = await modes(runs, run.id);
      expect(Object.keys(before)).toEqual(expect.arrayContaining([`${run.id}.meta/manifest`, `${run.id}.meta/log/runner`, `${run.id}/hello.cjs`]));
      expect(Object.values(before).filter((m) => m !== '444')).toEqual([]);
      expect(await modes(fresh, run.id)).toEqual(before);
    }
  });

  test('a progress line of runs on a terminal, to and from a remote', async () => {
    const bar = `Copying runs ${'█'.repeat(20)} 2/2`;
    const to = gageOnTerminal(['--runs', runs, 'copy', '-a', '--dest', `bk:${store}`, '-y'], { cwd: project, home, env });
    expect(to.code).toBe(0);
    expect(to.shown).toContain(`Copying runs ${'█'.repeat(10)}${'░'.repeat(10)} 1/2`);
    expect(to.shown).toContain(bar);
    expect(to.shown.endsWith('\r\x1b[2KCopied 2 runs\r\n')).toBe(true);
    const from = gageOnTerminal(['--runs', join(home, 'fresh'), 'copy', '-a', '--src', `bk:${store}`, '-y'], { cwd: home, home, env });
    expect(from.code).toBe(0);
    expect(from.shown).toContain(bar);
    expect(from.shown.endsWith('\r\x1b[2KCopied runs\r\n')).toBe(true);
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
