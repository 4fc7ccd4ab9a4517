// The entry '@gage/stage/git-prefetch' under Deno, against the built package: the prefetched diff is the one provenance takes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectProvenance } from '@gage/stage';
import { prefetchGitDiff } from '@gage/stage/git-prefetch';
import { cleanupTestdirs, testdir, waitFor } from '@gage/test-utils';

Deno.test('prefetchGitDiff starts git diff HEAD once; collectProvenance takes it', async () => {
  const dir = await testdir({ 'train.py': 'lr = 0.1\n' });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
  await writeFile(join(dir, 'train.py'), 'lr = 0.2\n');
  const shim = await testdir();
  const log = join(shim, 'calls.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
  await writeFile(join(shim, 'git'), `#!/bin/sh\n"${realGit}" "$@"\nrc=$?\necho "$1" >> "${log}"\nexit $rc\n`);
  await chmod(join(shim, 'git'), 0o755);
  const path = Deno.env.get('PATH') ?? '';
  Deno.env.set('PATH', `${shim}:${path}`);
  try {
    prefetchGitDiff(dir);
    await waitFor(() => existsSync(log));
    await writeFile(join(dir, 'train.py'), 'lr = 0.3\n'); // after git read the tree
    const { patch } = await collectProvenance(dir);
    assert.match(patch?.toString() ?? '', /\+lr = 0\.2\n/);
    assert.deepEqual(readFileSync(log, 'utf8').split('\n').filter((l) => l === 'diff'), ['diff']);
  } finally {
    Deno.env.set('PATH', path);
    await cleanupTestdirs();
  }
});
