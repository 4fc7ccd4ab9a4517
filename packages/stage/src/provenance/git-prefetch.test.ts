// The prefetched `git diff HEAD` of a run's provenance (decision 18), with real git behind a logging shim.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { cleanupTestdirs, testdir, waitFor } from '@gage/test-utils';
import { gitRepo as repo } from '../../test/_git-repo.js';
import { collectProvenance } from './collect-provenance.js';
import { prefetchGitDiff } from './_git-diff.js';

afterAll(cleanupTestdirs);

const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();

// A `git` first on PATH that logs each call's arguments and cwd, runs the real git, then marks a diff done.
let shimDir: string;
let log: string;
const savedPath = process.env['PATH'];
beforeAll(async () => {
  shimDir = await testdir();
  log = join(shimDir, 'calls.log');
  const script = `#!/bin/sh\necho "$PWD $*" >> "${log}"\n"${realGit}" "$@"\nrc=$?\n[ "$1" = diff ] && echo done >> "${log}.done"\nexit $rc\n`;
  await writeFile(join(shimDir, 'git'), script);
  await chmod(join(shimDir, 'git'), 0o755);
  process.env['PATH'] = `${shimDir}${delimiter}${savedPath ?? ''}`;
});
afterAll(() => {
  process.env['PATH'] = savedPath;
});
afterEach(async () => {
  await rm(log, { force: true });
  await rm(`${log}.done`, { force: true });
});

const diffCalls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => / diff HEAD /.test(l)) : []);
const diffsDone = () => (existsSync(`${log}.done`) ? readFileSync(`${log}.done`, 'utf8').split('\n').filter(Boolean).length : 0);

describe('prefetchGitDiff() (decision 18)', () => {
  test('the next provenance of the work tree takes the running diff: one git diff, the tree as git read it; the one after runs its own', async () => {
    const dir = await repo({ 'proj/train.py': 'lr = 0.1\n', 'README': 'r\n' });
    await writeFile(join(dir, 'proj', 'train.py'), 'lr = 0.2\n');
    prefetchGitDiff(join(dir, 'proj'));
    await waitFor(() => diffsDone() === 1);
    await writeFile(join(dir, 'proj', 'train.py'), 'lr = 0.3\n'); // after git read the tree: not in the taken diff
    const first = await collectProvenance(join(dir, 'proj'));
    expect(diffCalls()).toEqual([`${dir} diff HEAD --no-color --no-ext-diff --binary`]);
    expect(first.patch?.toString()).toContain('+lr = 0.2\n');
    expect(first.provenance.git).toMatchObject({ dirty: true });
    const second = await collectProvenance(join(dir, 'proj'));
    expect(diffCalls()).toHaveLength(2);
    expect(second.patch?.toString()).toContain('+lr = 0.3\n');
  });

  test('a prefetch of another work tree is not taken', async () => {
    const a = await repo({ 'a.py': 'a = 1\n' });
    const b = await repo({ 'b.py': 'b = 1\n' });
    await writeFile(join(b, 'b.py'), 'b = 2\n');
    prefetchGitDiff(a);
    const fromB = await collectProvenance(b);
    expect(fromB.patch?.toString()).toContain('+b = 2\n');
    expect(diffCalls().map((l) => l.split(' ')[0])).toEqual(expect.arrayContaining([a, b]));
    const fromA = await collectProvenance(a); // takes the prefetch of a
    expect(fromA.provenance.git).toMatchObject({ dirty: false });
    expect(diffCalls()).toHaveLength(2);
  });

  test('outside a work tree, or with GIT_DIR set, nothing is started', async () => {
    prefetchGitDiff(await testdir({ 'x.py': 'x = 1\n' }));
    const dir = await repo({ 'a.py': 'a = 1\n' });
    process.env['GIT_DIR'] = join(dir, '.git');
    try {
      prefetchGitDiff(dir);
    } finally {
      delete process.env['GIT_DIR'];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(diffCalls()).toEqual([]);
  });

  test('a prefetch nobody takes neither delays the exit nor outlives the process', async () => {
    const dir = await repo({ 'a.py': 'a = 1\n' });
    const slow = await testdir();
    const pidFile = join(slow, 'git.pid');
    await writeFile(join(slow, 'git'), `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 300\n`);
    await chmod(join(slow, 'git'), 0o755);
    const entry = new URL('../../dist/git-prefetch.js', import.meta.url).pathname;
    const script = `import { prefetchGitDiff } from ${JSON.stringify(entry)};
      import { existsSync } from 'node:fs';
      prefetchGitDiff(${JSON.stringify(dir)});
      const until = Date.now() + 60_000;
      while (!existsSync(${JSON.stringify(pidFile)}) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));`;
    // The bound only stops a hang: without the fix the process waits for git's 300 s.
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, PATH: `${slow}${delimiter}${savedPath ?? ''}` },
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // Killed, it may stay a zombie: this machine's init does not reap the orphans it inherits.
    const alive = () => {
      try {
        return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    const until = Date.now() + 30_000;
    await waitFor(() => !alive() || Date.now() > until);
    expect(alive()).toBe(false);
  });
});
